package io.github.mtasts.provider.host;

/**
 * Parts of a resource URN: {@code urn:pulumi:STACK::PROJECT::[PARENT$]TYPE::NAME}.
 */
public final class Urns {

  private Urns() {}

  /**
   * The resource's type token.
   *
   * @param urn the URN
   * @return for example "mtasts:index:Policy", or "" when the URN is malformed
   */
  public static String type(String urn) {
    String[] parts = urn.split("::", 4);
    if (parts.length < 4) {
      return "";
    }
    String qualified = parts[2];
    return qualified.substring(qualified.lastIndexOf('$') + 1);
  }

  /**
   * Whether the resource has a parent other than the stack (a component, say).
   *
   * @param urn the URN
   * @return true when the type part names a parent type before a {@code $}
   */
  public static boolean hasParent(String urn) {
    String[] parts = urn.split("::", 4);
    return parts.length == 4 && parts[2].contains("$");
  }

  /**
   * The resource's name.
   *
   * @param urn the URN
   * @return the name, or the whole URN when it is malformed
   */
  public static String name(String urn) {
    String[] parts = urn.split("::", 4);
    return parts.length < 4 ? urn : parts[3];
  }
}
