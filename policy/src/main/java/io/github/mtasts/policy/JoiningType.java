package io.github.mtasts.policy;

import java.util.Arrays;

/**
 * The Joining_Type of a code point (Unicode's ArabicShaping.txt): how a letter of a cursive script
 * such as Arabic or Syriac connects to its neighbours. RFC 5892 Appendix A.1 reads it to decide
 * where ZERO WIDTH NON-JOINER may stand. The JDK has no such property, so the values that differ
 * from the file's default (T for General_Category Mn, Me and Cf, U for all others) are a table,
 * printed by {@code tools/idna/joining-types.pl} from the Unicode Character Database.
 */
enum JoiningType {
  /** Non-joining. */
  U,
  /** Dual-joining: connects on both sides. */
  D,
  /** Left-joining: connects to the following letter only. */
  L,
  /** Right-joining: connects to the preceding letter only. */
  R,
  /** Join-causing, such as ZERO WIDTH JOINER and the tatweel. */
  C,
  /** Transparent: marks that do not break a connection. */
  T;

  private static final String TABLE = ""
      // Unicode 14.0.0, 160 ranges
      + "0600-0605U 0620D 0622-0625R 0626D 0627R 0628D 0629R 062A-062ED "
      + "062F-0632R 0633-063FD 0640C 0641-0647D 0648R 0649-064AD 066E-066FD 0671-0673R "
      + "0675-0677R 0678-0687D 0688-0699R 069A-06BFD 06C0R 06C1-06C2D 06C3-06CBR 06CCD "
      + "06CDR 06CED 06CFR 06D0-06D1D 06D2-06D3R 06D5R 06DDU 06EE-06EFR "
      + "06FA-06FCD 06FFD 0710R 0712-0714D 0715-0719R 071A-071DD 071ER 071F-0727D "
      + "0728R 0729D 072AR 072BD 072CR 072D-072ED 072FR 074DR "
      + "074E-0758D 0759-075BR 075C-076AD 076B-076CR 076D-0770D 0771R 0772D 0773-0774R "
      + "0775-0777D 0778-0779R 077A-077FD 07CA-07EAD 07FAC 0840R 0841-0845D 0846-0847R "
      + "0848D 0849R 084A-0853D 0854R 0855D 0856-0858R 0860D 0862-0865D "
      + "0867R 0868D 0869-086AR 0870-0882R 0883-0885C 0886D 0889-088DD 088ER "
      + "0890-0891U 08A0-08A9D 08AA-08ACR 08AER 08AF-08B0D 08B1-08B2R 08B3-08B8D 08B9R "
      + "08BA-08C8D 08E2U 1807D 180AC 180EU 1820-1878D 1887-18A8D 18AAD "
      + "200CU 200DC 2066-2069U A840-A871D A872L 10AC0-10AC4D 10AC5R 10AC7R "
      + "10AC9-10ACAR 10ACDL 10ACE-10AD2R 10AD3-10AD6D 10AD7L 10AD8-10ADCD 10ADDR 10ADE-10AE0D "
      + "10AE1R 10AE4R 10AEB-10AEED 10AEFR 10B80D 10B81R 10B82D 10B83-10B85R "
      + "10B86-10B88D 10B89R 10B8A-10B8BD 10B8CR 10B8DD 10B8E-10B8FR 10B90D 10B91R "
      + "10BA9-10BACR 10BAD-10BAED 10D00L 10D01-10D21D 10D22R 10D23D 10F30-10F32D 10F33R "
      + "10F34-10F44D 10F51-10F53D 10F54R 10F70-10F73D 10F74-10F75R 10F76-10F81D 10FB0D 10FB2-10FB3D "
      + "10FB4-10FB6R 10FB8D 10FB9-10FBAR 10FBB-10FBCD 10FBDR 10FBE-10FBFD 10FC1D 10FC2-10FC3R "
      + "10FC4D 10FC9R 10FCAD 10FCBL 110BDU 110CDU 1E900-1E943D 1E94BT";
  private static final int[] FIRST;
  private static final int[] LAST;
  private static final JoiningType[] TYPE;

  static {
    String[] entries = TABLE.strip().split(" ");
    FIRST = new int[entries.length];
    LAST = new int[entries.length];
    TYPE = new JoiningType[entries.length];
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i];
      String range = entry.substring(0, entry.length() - 1);
      int dash = range.indexOf('-');
      FIRST[i] = Integer.parseInt(dash < 0 ? range : range.substring(0, dash), 16);
      LAST[i] = Integer.parseInt(dash < 0 ? range : range.substring(dash + 1), 16);
      TYPE[i] = valueOf(entry.substring(entry.length() - 1));
    }
  }

  /** The Joining_Type of {@code codePoint}. */
  static JoiningType of(int codePoint) {
    int index = Arrays.binarySearch(FIRST, codePoint);
    if (index < 0) {
      index = -index - 2;
    }
    if (index >= 0 && codePoint <= LAST[index]) {
      return TYPE[index];
    }
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT ? T : U;
  }
}
