#!/usr/bin/env python3
"""Compares mtasts' IDNA2008 derived properties with the Python package idna, an independent
implementation whose tables are generated from the Unicode data by the IANA rules of RFC 5892.

Run from the repository root after `./mvnw -q -pl policy compile`:
    python3 tools/idna/crosscheck.py
Prints the disagreements grouped by (mtasts, idna) and exits 1 when any is not explained by a
code point that the JDK's Unicode version does not assign yet (UNASSIGNED on the Java side).
"""

import collections
import os
import subprocess
import sys
import unicodedata

import idna
import idna.idnadata
import idna.intranges

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def idna_property(code_point):
    for name in ("PVALID", "CONTEXTJ", "CONTEXTO"):
        if idna.intranges.intranges_contain(code_point, idna.idnadata.codepoint_classes[name]):
            return name
    return "DISALLOWED or UNASSIGNED"


def main():
    printed = subprocess.run(
        ["java", "-cp", os.path.join(ROOT, "policy", "target", "classes"),
         os.path.join(ROOT, "tools", "idna", "PrintDerivedProperties.java")],
        check=True, capture_output=True, text=True).stdout
    disagreements = collections.defaultdict(list)
    viramas = set()
    for line in printed.splitlines():
        fields = line.split()
        code_point = int(fields[0], 16)
        ours = fields[1] if fields[1] in ("PVALID", "CONTEXTJ", "CONTEXTO") else "DISALLOWED or UNASSIGNED"
        theirs = idna_property(code_point)
        if ours != theirs:
            disagreements[(fields[1], theirs)].append(code_point)
        if "virama" in fields[2:]:
            viramas.add(code_point)
    print(f"idna {idna.__version__} (tables for Unicode {idna.idnadata.__version__}); "
          f"Python's unicodedata {unicodedata.unidata_version}")
    unexplained = 0
    for (ours, theirs), code_points in sorted(disagreements.items()):
        explained = ours == "UNASSIGNED"
        unexplained += 0 if explained else len(code_points)
        sample = " ".join(f"U+{c:04X}" for c in code_points[:12])
        print(f"{'newer Unicode' if explained else 'UNEXPLAINED'}: mtasts {ours}, idna {theirs}: "
              f"{len(code_points)} code points, e.g. {sample}")
    python_viramas = {c for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c)) == 9}
    print(f"viramas (Canonical_Combining_Class 9): mtasts {len(viramas)}, Python {len(python_viramas)}; "
          f"only mtasts: {sorted(f'U+{c:04X}' for c in viramas - python_viramas)}, "
          f"only Python: {sorted(f'U+{c:04X}' for c in python_viramas - viramas)}")
    return 1 if unexplained or viramas - python_viramas else 0


if __name__ == "__main__":
    sys.exit(main())
