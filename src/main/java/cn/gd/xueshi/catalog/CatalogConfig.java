package cn.gd.xueshi.catalog;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "xueshi.content")
public interface CatalogConfig {

    /**
     * Folder with the courses to import at start ({@code <year>/catalog.yaml}); absent means no
     * import (production loads content through the editors' workflow).
     */
    Optional<String> dir();
}
