package dev.muster.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;

/**
 * What every integration test class of the web module stands on: the built WAR on a real Payara Micro, with the real
 * Artemis resource adapter, a real broker and a real PostgreSQL ({@link BackendsForTests}), called from outside like
 * any client, and an {@link Api} that calls as the bootstrap admin unless told otherwise.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class OnRealServer {

    @Deployment(testable = false)
    static WebArchive application() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("muster.it.war")));
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(base).awaitReady();
    }
}
