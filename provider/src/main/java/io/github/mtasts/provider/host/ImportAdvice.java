package io.github.mtasts.provider.host;

/**
 * What a create that finds its resource already there says, so that the user can adopt it: the
 * {@code pulumi import} command with the resource's type, name and id. The provider is not told
 * a resource's parent (the protocol's Create carries its URN, whose type part shows that it has
 * one, not which), so for a child of a component the command names where the parent goes, and
 * how {@code pulumi preview --import-file} fills it in.
 */
public final class ImportAdvice {

  private ImportAdvice() {}

  /**
   * The sentence that adopts an existing resource.
   *
   * @param context the refused create
   * @param token the resource's type token
   * @param id the import id of what exists
   * @return "To manage it with this resource, import it: pulumi import ..."
   */
  public static String of(OperationContext context, String token, String id) {
    boolean child = Urns.hasParent(context.urn());
    return "To manage it with this resource, import it: pulumi import " + token + " "
        + context.name() + " " + id + (child ? " --parent 'PARENT=URN of its parent'" : "")
        + " (or give the resource the import option \"" + id + "\")"
        + (child ? "; for the children of a component, pulumi preview --import-file import.json"
            + " lists every resource to create with its parent: give " + context.name()
            + " the id " + id + ", drop the entries without an id, and run pulumi import --file"
            + " import.json" : "")
        + ". The next update then applies the program's values.";
  }
}
