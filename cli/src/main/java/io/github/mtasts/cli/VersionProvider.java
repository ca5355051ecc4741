package io.github.mtasts.cli;

import io.github.mtasts.ProjectVersion;
import picocli.CommandLine;

/** Reports the version recorded in the jar's manifest at build time, as the plugin reports it. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"mtasts " + ProjectVersion.get()};
  }
}
