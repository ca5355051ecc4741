package io.github.mtasts;

/**
 * The project's version, as recorded in the jar's manifest at build time: what the command line's
 * {@code --version} prints and the version the provider plugin reports to the Pulumi engine.
 */
public final class ProjectVersion {

  /** What a build outside the packaged jar (e.g. classes run by a test) reports. */
  public static final String DEVELOPMENT = "0.0.0-dev";

  private ProjectVersion() {}

  /**
   * The version of the running code.
   *
   * @return for example "0.1.0", or {@value #DEVELOPMENT} when not run from the jar
   */
  public static String get() {
    String version = ProjectVersion.class.getPackage().getImplementationVersion();
    return version == null ? DEVELOPMENT : version;
  }
}
