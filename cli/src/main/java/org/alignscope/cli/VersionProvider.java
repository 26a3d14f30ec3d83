package org.alignscope.cli;

import org.alignscope.report.Version;
import picocli.CommandLine;

/** Prints the tool version and the Java runtime. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"alignscope " + Version.get(), "Java " + System.getProperty("java.version")};
    }
}
