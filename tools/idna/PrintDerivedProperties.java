import java.lang.reflect.Method;

/**
 * Prints the IDNA2008 derived property that mtasts gives every code point, one line each
 * ("hex PROPERTY"), and the code points it takes for viramas, for crosscheck.py to compare.
 *
 * <p>java -cp policy/target/classes tools/idna/PrintDerivedProperties.java
 */
public class PrintDerivedProperties {
  public static void main(String[] args) throws Exception {
    // Both are package-private: this tool reads them as the tests of their package would.
    Method derived = Class.forName("io.github.mtasts.policy.DerivedProperty").getDeclaredMethod("of", int.class);
    Method virama = Class.forName("io.github.mtasts.policy.ContextRules").getDeclaredMethod("isVirama", int.class);
    derived.setAccessible(true);
    virama.setAccessible(true);
    StringBuilder out = new StringBuilder();
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      out.append(Integer.toHexString(c)).append(' ').append(derived.invoke(null, c));
      if ((boolean) virama.invoke(null, c)) {
        out.append(" virama");
      }
      out.append('\n');
    }
    System.out.print(out);
  }
}
