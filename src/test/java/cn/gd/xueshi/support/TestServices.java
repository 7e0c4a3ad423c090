package cn.gd.xueshi.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Declares the embedded servers once for every @QuarkusTest, so they share one application. */
@QuarkusTestResource(EmbeddedServicesResource.class)
public final class TestServices {

    private TestServices() {
    }
}
