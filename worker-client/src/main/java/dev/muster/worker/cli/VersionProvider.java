package dev.muster.worker.cli;

import dev.muster.worker.protocol.MusterVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code muster --version}. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"muster " + MusterVersion.current(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
