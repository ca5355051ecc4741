package io.github.mtasts.cloudflare;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Worker of one ES module, as uploaded: its script name, the module's name and source, and
 * the compatibility date it targets.
 *
 * @param name the script name: lower-case letters, digits, '-' and '_' (the API description's
 *     {@code script_name} pattern {@code ^[a-z0-9_][a-z0-9-_]*$})
 * @param moduleName the module's part name, which the metadata's {@code main_module} names
 * @param source the module's JavaScript
 * @param compatibilityDate the Workers runtime behaviour the script targets, {@code YYYY-MM-DD}
 */
public record WorkerScript(String name, String moduleName, String source, String compatibilityDate) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9_][a-z0-9-_]{0,62}");
  private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_.-]{1,64}\\.mjs");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * Checks the parts.
   *
   * @throws InvalidSpecException naming the invalid part, its value and the fix
   */
  public WorkerScript {
    checkName("name", name);
    if (moduleName == null || !MODULE.matcher(moduleName).matches()) {
      throw new InvalidSpecException("moduleName", moduleName, "use a file name ending in .mjs");
    }
    Objects.requireNonNull(source, "source");
    if (compatibilityDate == null || !DATE.matcher(compatibilityDate).matches()) {
      throw new InvalidSpecException("compatibilityDate", compatibilityDate, "use YYYY-MM-DD");
    }
  }

  /**
   * Checks a script name.
   *
   * @param field the input's name, for the message
   * @param name the script name
   * @return the name
   * @throws InvalidSpecException when it does not match the API description's {@code
   *     script_name} pattern (here at most 63 characters)
   */
  public static String checkName(String field, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidSpecException(field, name, "use 1 to 63 lower-case letters, digits, '-'"
          + " and '_', not starting with '-', such as mtasts-policy");
    }
    return name;
  }
}
