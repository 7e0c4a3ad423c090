package cn.gd.xueshi.shared;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "xueshi.instance")
public interface InstanceConfig {

    /** Name of this instance in logs and job records (the pod name in Kubernetes); random when unset. */
    Optional<String> id();
}
