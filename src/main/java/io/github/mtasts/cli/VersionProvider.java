package io.github.mtasts.cli;

import picocli.CommandLine;

/** Reports the version recorded in the jar's manifest at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"mtasts " + (version == null ? "(development build)" : version)};
  }
}
