#!/usr/bin/env python3
"""Differential check of `mtasts lint` against mox's mtasts and tlsrpt packages.

Generates vectors (hand-written edge cases from the RFC 8461 / RFC 8460 ABNF, plus seeded
random mutations of valid records and policies), runs them through both implementations and
lists every disagreement on validity (and on MX matching, where both accept the policy),
grouped by class. Known, justified differences (mox lenient or wrong; see README.md) are
labelled; anything else is printed as UNEXPLAINED and makes the exit code 1.

Run from the repository root after `./mvnw -q package -DskipTests`:
    python3 tools/crosscheck/crosscheck.py [--seed N] [--mutants N] [--keep DIR]
"""

import argparse
import base64
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# --- hand-written edge cases from the ABNF --------------------------------------------------

ID32 = "a" * 32

STS_CASES = [
    # RFC 8461 §3.1: sts-text-record = sts-version 1*(sts-field-delim sts-field) [sts-field-delim]
    "v=STSv1; id=20160831085700Z;", "v=STSv1; id=20160831085700Z", "v=STSv1;id=abc",
    "v=STSv1 ;id=abc", "v=STSv1\t;\tid=abc", "v=STSv1; id=abc; ", "v=STSv1; id=abc ;",
    "v=STSv1; id=abc ", "v=STSv1;; id=abc", "v=STSv1; ; id=abc", "v=STSv1; id=abc;;",
    "v=STSv1 id=abc", "v=STSv1", "v=STSv1;", "v=STSv1; ", "", " v=STSv1; id=abc",
    "V=STSv1; id=abc", "v=stsv1; id=abc", "v=STSv10; id=abc", "v=STSv1.0; id=abc",
    "v = STSv1; id=abc", "v=STSv1; id = abc", "v=STSv1; id =abc", "v=STSv1; id= abc",
    "id=abc; v=STSv1", "v=STSv1; ID=abc", "v=STSv1; Id=abc; id=def",
    # sts-id = %s"id=" 1*32(ALPHA / DIGIT)
    "v=STSv1; id=" + ID32, "v=STSv1; id=" + ID32 + "a", "v=STSv1; id=", "v=STSv1; id=a",
    "v=STSv1; id=0", "v=STSv1; id=abc-1", "v=STSv1; id=abc_1", "v=STSv1; id=abc.1",
    "v=STSv1; id=\u00e9", "v=STSv1; id=abc def", "v=STSv1; id=abc; id=def",
    "v=STSv1; id=abc; id=!!!", "v=STSv1; id=abc; v=STSv1", "v=STSv1; v=STSv1; id=abc",
    # sts-extension = sts-ext-name "=" sts-ext-value
    "v=STSv1; id=abc; ext=1", "v=STSv1; ext=1; id=abc", "v=STSv1; id=abc; e=", "v=STSv1; id=abc; =x",
    "v=STSv1; id=abc; -e=x", "v=STSv1; id=abc; .e=x", "v=STSv1; id=abc; _e=x", "v=STSv1; id=abc; e-=x",
    "v=STSv1; id=abc; 9e=x", "v=STSv1; id=abc; e_.-9=x", "v=STSv1; id=abc; " + "e" * 32 + "=x",
    "v=STSv1; id=abc; " + "e" * 33 + "=x", "v=STSv1; id=abc; e=a=b", "v=STSv1; id=abc; e=a b",
    "v=STSv1; id=abc; e=!\"#$%&'()*+,-./:<>?@[\\]^_`{|}~", "v=STSv1; id=abc; e=\u00e9",
    "v=STSv1; id=abc; e=x\x7f", "v=STSv1; id=abc; e=x\x01", "v=STSv1; id=abc; e", "v=STSv1; id=abc; e x=1",
    "v=STSv1; id=abc; e=1; e=2",
    # RRsets (one record a line): RFC 8461 §3.1 discards records not beginning with "v=STSv1;"
    "v=STSv1; id=abc\nv=spf1 -all", "v=spf1 -all\nv=STSv1; id=abc", "v=STSv1; id=abc\nv=STSv1; id=def",
    "v=STSv1; id=abc\nv=STSv1", "v=STSv1\nv=STSv1; id=abc", "v=STSv1; id=abc\nv=STSv1 ; id=def",
    "v=STSv1 ; id=abc\nv=STSv1; id=def", "v=STSv1 ;id=abc\nv=spf1 -all", "v=STSv1 id=abc\nv=STSv1; id=def",
    "v=STSv1; id=abc\nv=STSv10; id=def", "v=STSv1; id=abc\nV=STSv1; id=def", "v=STSv1; id=abc\n",
    "v=STSv1; id=abc\n\n", "\nv=STSv1; id=abc", "v=spf1 -all", "v=STSv1;id\nv=STSv1; id=abc",
    "v=STSv1; id=abc\r\n", "v=STSv1; id=abc\nv=STSv1;", "v=STSv1 \nv=STSv1; id=abc",
    "v=STSv1\t\nv=STSv1; id=abc", "v=STSv1;;\nv=STSv1; id=abc",
]

TLSRPT_CASES = [
    # RFC 8460 §3: tlsrpt-record = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
    "v=TLSRPTv1; rua=mailto:tlsrpt@example.com", "v=TLSRPTv1;rua=mailto:tlsrpt@example.com;",
    "v=TLSRPTv1 ; rua=mailto:tlsrpt@example.com ; ", "v=TLSRPTv1; rua=mailto:tlsrpt@example.com ",
    "v=TLSRPTv1", "v=TLSRPTv1;", "v=TLSRPTv1 rua=mailto:a@example.com", "V=TLSRPTv1; rua=mailto:a@example.com",
    "v=tlsrptv1; rua=mailto:a@example.com", "v=TLSRPTv10; rua=mailto:a@example.com",
    " v=TLSRPTv1; rua=mailto:a@example.com", "rua=mailto:a@example.com; v=TLSRPTv1",
    "v=TLSRPTv1; RUA=mailto:a@example.com", "v=TLSRPTv1; rua = mailto:a@example.com",
    "v=TLSRPTv1; rua= mailto:a@example.com", "v=TLSRPTv1; rua=",
    # tlsrpt-rua = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
    "v=TLSRPTv1; rua=https://tlsrpt.example.com/v1", "v=TLSRPTv1; rua=https://tlsrpt.example.com",
    "v=TLSRPTv1; rua=https://", "v=TLSRPTv1; rua=https:///path", "v=TLSRPTv1; rua=https:tlsrpt.example.com",
    "v=TLSRPTv1; rua=http://tlsrpt.example.com/", "v=TLSRPTv1; rua=ftp://tlsrpt.example.com/",
    "v=TLSRPTv1; rua=mailto:", "v=TLSRPTv1; rua=mailto:tlsrpt", "v=TLSRPTv1; rua=mailto:@example.com",
    "v=TLSRPTv1; rua=mailto:a@", "v=TLSRPTv1; rua=MAILTO:a@example.com", "v=TLSRPTv1; rua=HTTPS://example.com/",
    "v=TLSRPTv1; rua=tlsrpt@example.com", "v=TLSRPTv1; rua=mailto:a@example.com,mailto:b@example.com",
    "v=TLSRPTv1; rua=mailto:a@example.com , mailto:b@example.com", "v=TLSRPTv1; rua=mailto:a@example.com,",
    "v=TLSRPTv1; rua=,mailto:a@example.com", "v=TLSRPTv1; rua=mailto:a@example.com,,mailto:b@example.com",
    "v=TLSRPTv1; rua=mailto:a@example.com\t,\thttps://r.example.com/",
    "v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com",
    "v=TLSRPTv1; rua=mailto:a@example.com,mailto:a@example.com",
    # commas, exclamation points and semicolons MUST be encoded; RFC 3986 characters only
    "v=TLSRPTv1; rua=mailto:a%2Cb@example.com", "v=TLSRPTv1; rua=mailto:a%21b@example.com",
    "v=TLSRPTv1; rua=mailto:a%3Bb@example.com", "v=TLSRPTv1; rua=mailto:a!b@example.com",
    "v=TLSRPTv1; rua=mailto:a@example.com!10m", "v=TLSRPTv1; rua=mailto:a%zzb@example.com",
    "v=TLSRPTv1; rua=mailto:a%2@example.com", "v=TLSRPTv1; rua=mailto:a%@example.com",
    "v=TLSRPTv1; rua=mailto:a\"b@example.com", "v=TLSRPTv1; rua=mailto:a<b>@example.com",
    "v=TLSRPTv1; rua=mailto:a{b}@example.com", "v=TLSRPTv1; rua=mailto:a|b@example.com",
    "v=TLSRPTv1; rua=mailto:a^b@example.com", "v=TLSRPTv1; rua=mailto:a`b@example.com",
    "v=TLSRPTv1; rua=mailto:a\\b@example.com", "v=TLSRPTv1; rua=mailto:\u00e9@example.com",
    "v=TLSRPTv1; rua=mailto:a@ex\u00e4mple.com", "v=TLSRPTv1; rua=https://r.example.com/a b",
    "v=TLSRPTv1; rua=https://r.example.com/?q=1&r=2#frag", "v=TLSRPTv1; rua=https://[2001:db8::1]/r",
    "v=TLSRPTv1; rua=https://r.example.com:8443/r", "v=TLSRPTv1; rua=https://user@r.example.com/r",
    "v=TLSRPTv1; rua=mailto:a@example.com?subject=x", "v=TLSRPTv1; rua=1mailto:a@example.com",
    "v=TLSRPTv1; rua=:a@example.com", "v=TLSRPTv1; rua=mailto:a@example.com\x7f",
    # tlsrpt-extension = tlsrpt-ext-name "=" tlsrpt-ext-value
    "v=TLSRPTv1; rua=mailto:a@example.com; ext=1", "v=TLSRPTv1; ext=1; rua=mailto:a@example.com",
    "v=TLSRPTv1; rua=mailto:a@example.com; -e=1", "v=TLSRPTv1; rua=mailto:a@example.com; e=",
    "v=TLSRPTv1; rua=mailto:a@example.com; e=a=b", "v=TLSRPTv1; rua=mailto:a@example.com; " + "e" * 33 + "=1",
    "v=TLSRPTv1; rua=mailto:a@example.com; v=TLSRPTv1", "v=TLSRPTv1; rua=mailto:a@example.com;;",
    # RRsets: RFC 8460 §3 discards records not beginning with "v=TLSRPTv1;"
    "v=TLSRPTv1; rua=mailto:a@example.com\nv=spf1 -all",
    "v=TLSRPTv1; rua=mailto:a@example.com\nv=TLSRPTv1; rua=mailto:b@example.com",
    "v=TLSRPTv1\nv=TLSRPTv1; rua=mailto:a@example.com",
    "v=TLSRPTv1 ; rua=mailto:a@example.com\nv=TLSRPTv1; rua=mailto:b@example.com",
    "v=TLSRPTv1 ;rua=mailto:a@example.com\nv=spf1 -all",
    "v=TLSRPTv1 rua=mailto:a@example.com\nv=TLSRPTv1; rua=mailto:b@example.com",
]


def policy(*lines, end="\n", final=True):
    body = end.join(lines)
    return body + end if final else body


BASE_LINES = ["version: STSv1", "mode: enforce", "mx: mx1.example.com", "mx: *.mail.example.net",
              "max_age: 604800"]

POLICY_CASES = [
    policy(*BASE_LINES), policy(*BASE_LINES, end="\r\n"), policy(*BASE_LINES, final=False),
    policy(*BASE_LINES, end="\r\n", final=False),
    "version: STSv1\r\nmode: enforce\nmx: mx1.example.com\r\nmax_age: 604800\n",
    policy(*BASE_LINES) + "\n", policy(*BASE_LINES) + "\r\n", "\n" + policy(*BASE_LINES),
    policy(*BASE_LINES[:2], "", *BASE_LINES[2:]), policy(*BASE_LINES[:2], " ", *BASE_LINES[2:]),
    "\ufeff" + policy(*BASE_LINES), policy(*BASE_LINES, end="\r"), policy(*BASE_LINES, end="\n\r"),
    policy(" version: STSv1", *BASE_LINES[1:]), policy("\tversion: STSv1", *BASE_LINES[1:]),
    policy("version : STSv1", *BASE_LINES[1:]), policy("version:STSv1", *BASE_LINES[1:]),
    policy("version:\tSTSv1", *BASE_LINES[1:]), policy("version: STSv1 ", *BASE_LINES[1:]),
    policy("version: STSv1\t", *BASE_LINES[1:]), policy("version: stsv1", *BASE_LINES[1:]),
    policy("version: STSv2", *BASE_LINES[1:]), policy("version: STSv1x", *BASE_LINES[1:]),
    policy("Version: STSv1", *BASE_LINES[1:]), policy(*BASE_LINES[1:]),
    policy("version:", *BASE_LINES[1:]), policy("version: ", *BASE_LINES[1:]),
    policy(*BASE_LINES, "version: STSv2"), policy(*BASE_LINES, "version: STSv1"),
    # sts-policy-mode-value = %s"testing" / %s"enforce" / %s"none"
    policy("version: STSv1", "mode: testing", *BASE_LINES[2:]),
    policy("version: STSv1", "mode: none", "max_age: 86400"),
    policy("version: STSv1", "mode: none", *BASE_LINES[2:]),
    policy("version: STSv1", "mode: enforce", "max_age: 86400"),
    policy("version: STSv1", "mode: testing", "max_age: 86400"),
    policy("version: STSv1", "mode: Enforce", *BASE_LINES[2:]),
    policy("version: STSv1", "mode: report", *BASE_LINES[2:]),
    policy("version: STSv1", "mode: enforce ", *BASE_LINES[2:]),
    policy("version: STSv1", "mode: enforcex", *BASE_LINES[2:]),
    policy("version: STSv1", "mode: enforce", "mode: testing", *BASE_LINES[2:]),
    policy("version: STSv1", "mode: enforce", "mode: bogus", *BASE_LINES[2:]),
    policy("version: STSv1", "mode: bogus", "mode: enforce", *BASE_LINES[2:]),
    policy("version: STSv1", *BASE_LINES[2:]),
    # sts-policy-max-age-value = 1*10(DIGIT); maximum value of 31557600
    *[policy(*BASE_LINES[:4], "max_age: " + v) for v in [
        "0", "1", "86399", "86400", "31557600", "31557601", "0031557600", "0000000000",
        "9999999999", "10000000000", "2147483647", "2147483648", "-1", "+1", "1e3", "1.5",
        "", " 1", "1 ", "0x10", "\u0661", "604800 604800"]],
    policy(*BASE_LINES, "max_age: 1"), policy(*BASE_LINES, "max_age: x"),
    policy(*BASE_LINES, "max_age: 99999999999"), policy(*BASE_LINES[:4]),
    # sts-policy-mx-value = ["*."] Domain (RFC 5321 §4.1.2), A-labels (RFC 8461 §3.2)
    *[policy("version: STSv1", "mode: enforce", "mx: " + v, "max_age: 604800") for v in [
        "mx1.example.com", "MX1.EXAMPLE.COM", "example", "com", "*.example.com", "*.com", "*",
        "*.", "**.example.com", "*example.com", "*.*.example.com", "a.*.example.com", "mx.*",
        "mx1.example.com.", "*.example.com.", ".example.com", "mx1..example.com", "-mx.example.com",
        "mx-.example.com", "m-x.example.com", "m--x.example.com", "ab--cd.example.com",
        "xn--bcher-kva.example.com", "XN--BCHER-KVA.example.com", "xn--zz.example.com",
        "xn--.example.com", "b\u00fccher.example.com", "mx_1.example.com", "mx 1.example.com",
        "mx1.example.com x", "192.0.2.1", "[192.0.2.1]", "[IPv6:2001:db8::1]", "2001:db8::1",
        "::1", "1.2.3", "1.2.3.4.5", "mx.123", "123.example.com", "mx1.example.c0m",
        "a" * 63 + ".example.com", "a" * 64 + ".example.com", ".".join(["a" * 63] * 4),
        ".".join(["a" * 63] * 3) + "." + "a" * 61, ".".join(["a" * 63] * 3) + "." + "a" * 62,
        "mx1.example.com:25", "mx1.example.com/", "mx1.exa%6dple.com", "mx1.example.com\t",
        "mx1.ex\u00e1mple.com", "mx1.example.co\u200bm", "_mta-sts.example.com",
        "mx1.example.com;", "mx1,example.com", "mx1.example.com mx2.example.com", "localhost",
    ]],
    policy("version: STSv1", "mode: enforce", "mx:", "max_age: 604800"),
    policy("version: STSv1", "mode: enforce", "mx: mx1.example.com", "mx: mx1.example.com",
           "max_age: 604800"),
    policy("version: STSv1", "mode: enforce", "mx: mx1.example.com", "mx: bad..example.com",
           "max_age: 604800"),
    policy("version: STSv1", "mode: enforce", "MX: mx1.example.com", "max_age: 604800"),
    # sts-policy-extension = sts-policy-ext-name sts-policy-field-delim sts-policy-ext-value
    *[policy(*BASE_LINES, line) for line in [
        "ext: 1", "ext: a b c", "ext: a  b", "ext: a\tb", "ext: a=b;c", "ext: \u00e9t\u00e9",
        "ext: \U0001f600", "ext: \u0085", "ext: \u00a0", "ext: a\x7f", "ext: a\x00", "ext:",
        "ext: ", "ext:x", "-ext: 1", ".ext: 1", "_ext: 1", "9ext: 1", "e.x-t_9: 1",
        "e" * 32 + ": 1", "e" * 33 + ": 1", "e x: 1", "ext : 1", "ext", ": 1", "ext: 1: 2",
        "ext: 1", "ext: 2", "Mode: enforce", "MAX_AGE: 1", "ext: a\rb"]],
    policy(*BASE_LINES, "ext: 1", "ext: 2"), policy(*BASE_LINES, "ext: 1", "ext: bad\x01"),
    policy("ext: 1", *BASE_LINES), "", "\n", "\r\n", " ", "version: STSv1",
    "x" * 70000, policy(*BASE_LINES, "ext: " + "a" * (65536 - 150)),
]

# Bodies that are not valid UTF-8 (RFC 3629 §4: UTF8-2 / UTF8-3 / UTF8-4 only).
POLICY_BYTE_CASES = [policy(*BASE_LINES).encode() + b"ext: " + bad + b"\n" for bad in [
    b"\xff", b"\xc3\x28", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
    b"\xf8\x88\x80\x80\x80", b"\xc3", b"\xe2\x82", b"\x80"]] + [
    b"\xfe\xff" + policy(*BASE_LINES).encode("utf-16-be"), b"\xef\xbb\xbf" + policy(*BASE_LINES).encode()]

# --- seeds and mutations ----------------------------------------------------------------------

STS_SEEDS = ["v=STSv1; id=20160831085700Z;", "v=STSv1; id=abc", "v=STSv1;id=Z9",
             "v=STSv1; id=20240101T000000; ext=val", "v=STSv1; ext=a:b/c; id=" + ID32]
TLSRPT_SEEDS = ["v=TLSRPTv1; rua=mailto:tlsrpt@example.com",
                "v=TLSRPTv1;rua=https://reports.example.com/v1,mailto:a@example.com;",
                "v=TLSRPTv1; rua=mailto:a@example.com; rua=https://r.example.net/tlsrpt",
                "v=TLSRPTv1; rua=mailto:a@example.com; ext=1"]
POLICY_SEEDS = [policy(*BASE_LINES), policy(*BASE_LINES, end="\r\n"),
                policy("version: STSv1", "mode: testing", "mx: mail.example.org", "max_age: 86400"),
                policy("mode: none", "max_age: 0", "version: STSv1", final=False),
                policy("version: STSv1", "mode: enforce", "mx: *.example.com", "mx: mx.example.net",
                       "max_age: 31557600", "ext.1: some value")]

WSP = [" ", "\t", "  ", " \t"]
ODD = ["\u00e9", "\u00fc", "\U0001f600", "\u00a0", "\u200b", "\ufeff", "\x00", "\x7f", "\x0b",
       "\x0c", "\r", "\u0085", "%", "%2C", "%21", "%3B", "%zz", "!", ",", ";", "=", ":", "*", ".",
       "-", "_", "\"", "\\", "@", "/", "?", "#", "[", "]", "{", "}"]
LABELS = ["mx", "mx1", "MX2", "a", "xn--bcher-kva", "m-x", "123", "mail", "x" * 63, "x" * 64, "b\u00fccher",
          "-x", "x-", "*", ""]
MAX_AGES = ["0", "1", "86399", "86400", "604800", "31557599", "31557600", "31557601", "99999999",
            "2147483647", "2147483648", "9999999999", "10000000000", "00000000001", "-0", "01"]
IDS = ["a", "0", ID32, ID32 + "b", "x" * 31, "20160831085700Z", "abc-def", "abc.def", "\u00e9", ""]
URIS = ["mailto:a@example.com", "https://r.example.com/v1", "http://r.example.com/", "mailto:a",
        "https://r.example.com:8443/x", "https://r.example.com:x/", "https://[2001:db8::1]/",
        "https://[2001:db8::g]/", "https://u@r.example.com/", "https://r.example.com/a#b#c",
        "https://r.example.com/?a=b&c=d", "https://r.example.com/[x]", "https://r.example.com:/",
        "https://", "mailto:a%2Cb@example.com", "mailto:a!b@example.com", "mailto:a%2@example.com",
        "data:,x", "urn:x", "https://r.example.com/%7E", "mailto:a@example.com?subject=tls"]


def split_positions(text):
    return [i for i, c in enumerate(text) if c in ";=,:\n "] or [0]


def mutate_common(rng, text):
    op = rng.randrange(14)
    if not text:
        return rng.choice(ODD)
    pos = rng.randrange(len(text) + 1)
    if op == 0:  # whitespace around a separator or anywhere
        p = rng.choice(split_positions(text)) + rng.choice([0, 1])
        return text[:p] + rng.choice(WSP) + text[p:]
    if op == 1:  # case of one character or of the whole text
        if rng.random() < 0.3:
            return text.upper() if rng.random() < 0.5 else text.lower()
        i = rng.randrange(len(text))
        return text[:i] + text[i].swapcase() + text[i + 1:]
    if op == 2:  # delete a character
        i = rng.randrange(len(text))
        return text[:i] + text[i + 1:]
    if op == 3:  # duplicate a character
        i = rng.randrange(len(text))
        return text[:i] + text[i] + text[i:]
    if op == 4:  # odd character
        return text[:pos] + rng.choice(ODD) + text[pos:]
    if op == 5:  # swap adjacent
        if len(text) < 2:
            return text
        i = rng.randrange(len(text) - 1)
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if op == 6:  # leading / trailing whitespace or BOM
        return rng.choice([" ", "\t", "\ufeff", ""]) + text + rng.choice([" ", "\t", "", "\r"])
    if op == 7:  # digits
        return text[:pos] + str(rng.randrange(10 ** rng.randrange(1, 12))) + text[pos:]
    if op == 8:  # replace a separator with another one
        seps = [i for i, c in enumerate(text) if c in ";,:="]
        if not seps:
            return text
        i = rng.choice(seps)
        return text[:i] + rng.choice([";", ",", ":", "=", ";;", " ; ", "", "\t;"]) + text[i + 1:]
    if op == 9:  # truncate
        return text[:pos]
    return text  # ops 10..13 are kind-specific


def mutate_record(rng, text, version, registered_name, values):
    op = rng.randrange(10)
    fields = text.split(";")
    if op == 0:  # duplicate a field
        f = rng.choice(fields[1:] or fields)
        return text.rstrip(";") + ";" + f
    if op == 1:  # extension
        name = rng.choice(["ext", "e", "-e", "E9", "e" * 32, "e" * 33, "x.y_z-1", registered_name.upper(), "v"])
        value = rng.choice(["1", "a:b", "", "a b", "a=b", "\u00e9", "x" * 80, "%2C", "!"])
        return text.rstrip(";") + rng.choice(["; ", ";"]) + name + "=" + value
    if op == 2:  # new registered value
        return re.sub(registered_name + "=[^;]*", lambda _: registered_name + "=" + rng.choice(values), text, count=1)
    if op == 3:  # second record in the RRset
        other = rng.choice(["v=spf1 -all", text, version, version + " ", version + ";", version + " ;x=1",
                            version + "0; x=1", "", version.upper() + "; x=1"])
        return rng.choice([text + "\n" + other, other + "\n" + text])
    if op == 4:  # trailing delimiter variants
        return text.rstrip("; ") + rng.choice([";", "; ", " ;", ";;", " ", "\t", ";\t", ""])
    if op == 5:  # version variants
        return text.replace(version, rng.choice([version, version.lower(), version + "0", version.replace("=", " = "),
                                                 " " + version, version + " "]), 1)
    return mutate_common(rng, text)


def mutate_policy(rng, text):
    crlf = "\r\n" in text
    lines = text.replace("\r\n", "\n").split("\n")
    final = lines[-1] == ""
    if final:
        lines = lines[:-1]
    if not lines:
        lines = [""]
    op = rng.randrange(16)
    if op == 0:  # duplicate a line
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(lines))
    elif op == 1:  # blank line
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(["", " ", "\t"]))
    elif op == 2:  # leading whitespace on a line
        i = rng.randrange(len(lines))
        lines[i] = rng.choice(WSP) + lines[i]
    elif op == 3:  # trailing whitespace on a line
        i = rng.randrange(len(lines))
        lines[i] = lines[i] + rng.choice(WSP)
    elif op == 4:  # line endings
        crlf = not crlf
    elif op == 5:  # final line end
        final = not final
    elif op == 6:  # mx value
        labels = [rng.choice(LABELS) for _ in range(rng.randrange(1, 4))]
        value = ".".join(labels)
        if rng.random() < 0.3:
            value = "*." + value
        if rng.random() < 0.15:
            value += "."
        if rng.random() < 0.1:
            value = rng.choice(["192.0.2.1", "[192.0.2.1]", "2001:db8::1", "1.2.3", "10.0.0.256"])
        lines.append("mx: " + value)
    elif op == 7:  # max_age value
        lines = [l for l in lines if not l.startswith("max_age")] + ["max_age: " + rng.choice(MAX_AGES)]
    elif op == 8:  # mode value
        lines = [l for l in lines if not l.startswith("mode")] + [
            "mode: " + rng.choice(["enforce", "testing", "none", "ENFORCE", "report", "", "enforce x"])]
    elif op == 9:  # remove a line
        del lines[rng.randrange(len(lines))]
    elif op == 10:  # extension
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(["ext", "-x", "a" * 32, "a" * 33, "X.y_z", "Mode"]) +
                     rng.choice([": ", ":", " : ", ":\t"]) + rng.choice(["v", "a b", "\u00e9", "a\tb", "", " x ", "=;"]))
    elif op == 11:  # separator spacing
        i = rng.randrange(len(lines))
        lines[i] = lines[i].replace(": ", rng.choice([":", ":  ", ":\t", " :", " : "]), 1)
    elif op == 12:  # shuffle lines
        rng.shuffle(lines)
    else:
        body = (("\r\n" if crlf else "\n").join(lines)) + (("\r\n" if crlf else "\n") if final else "")
        return mutate_common(rng, body)
    end = "\r\n" if crlf else "\n"
    return end.join(lines) + (end if final else "")


# --- MX matching (RFC 8461 §4.1) --------------------------------------------------------------

MATCH_POLICIES = [
    policy("version: STSv1", "mode: enforce", "mx: mx1.example.com", "mx: *.mail.example.net",
           "mx: xn--bcher-kva.example.org", "max_age: 604800"),
    policy("version: STSv1", "mode: testing", "mx: *.example.com", "max_age: 86400"),
]
MATCH_HOSTS = [
    "mx1.example.com", "MX1.Example.COM", "mx1.example.com.", "mx2.example.com", "example.com",
    "a.mail.example.net", "A.MAIL.EXAMPLE.NET.", "mail.example.net", "a.b.mail.example.net",
    "xmail.example.net", ".mail.example.net", "xn--bcher-kva.example.org", "XN--BCHER-KVA.example.org",
    "b\u00fccher.example.org", "B\u00fccher.example.org", "mx1.example.com..", "mx.example.com",
    "a.b.example.com", "com", "x.example.com.", "xexample.com", "mx1.example.co", "192.0.2.1",
    "*.mail.example.net", "*.example.com", "mx_1.example.com", "-a.example.com", "a-.example.com",
    "a..example.com", "a.mail.example.net..", "mx1.example.com ", " mx1.example.com", "",
    "xn--bcher-kva.mail.example.net", "x" * 64 + ".example.com", "mx1.EXAMPLE.com",
]


# --- running ----------------------------------------------------------------------------------

def make_vectors(seed, mutants):
    rng = random.Random(seed)
    vectors = []

    def add(kind, text, origin, host=None):
        v = {"id": len(vectors), "kind": kind,
             "input": base64.b64encode(text if isinstance(text, bytes) else text.encode()).decode(),
             "origin": origin}
        if host is not None:
            v["mxHost"] = host
        vectors.append(v)

    for t in STS_CASES:
        add("sts-record", t, "hand")
    for t in TLSRPT_CASES:
        add("tlsrpt-record", t, "hand")
    for t in POLICY_CASES:
        add("policy", t, "hand")
    for t in POLICY_BYTE_CASES:
        add("policy", t, "hand")
    for p in MATCH_POLICIES:
        for h in MATCH_HOSTS:
            add("policy", p, "hand-match", h)
    for _ in range(mutants):
        t = rng.choice(STS_SEEDS)
        for _ in range(rng.randrange(1, 4)):
            t = mutate_record(rng, t, "v=STSv1", "id", IDS)
        add("sts-record", t, "mutant")
        t = rng.choice(TLSRPT_SEEDS)
        for _ in range(rng.randrange(1, 4)):
            t = mutate_record(rng, t, "v=TLSRPTv1", "rua", URIS)
        add("tlsrpt-record", t, "mutant")
        t = rng.choice(POLICY_SEEDS)
        for _ in range(rng.randrange(1, 4)):
            t = mutate_policy(rng, t)
        add("policy", t, "mutant")
    for _ in range(mutants // 5):
        host = ".".join(rng.choice(["mx1", "a", "b", "mail", "example", "com", "net", "org", "MX1",
                                    "Example", "xn--bcher-kva", "x-y", "1", ""])
                        for _ in range(rng.randrange(1, 6)))
        add("policy", rng.choice(MATCH_POLICIES), "mutant-match", host + rng.choice(["", "", "."]))
    return vectors


def run(cmd, vectors_path, cwd):
    with open(vectors_path, "rb") as vin:
        done = subprocess.run(cmd, stdin=vin, stdout=subprocess.PIPE, cwd=cwd, check=True)
    return {r["id"]: r for r in map(json.loads, filter(None, done.stdout.decode().split("\n")))}


# Known, justified differences, each described with its RFC clause in README.md. A class is
# recognised from the vector and from which side accepts it, never from mox's verdict alone.
VERSIONS = {"sts-record": "v=STSv1", "tlsrpt-record": "v=TLSRPTv1"}


def rrset(text):
    lines = text.split("\n")
    if text == "" or text.endswith("\n"):
        lines = lines[:-1]
    return [l[:-1] if l.endswith("\r") else l for l in lines]


def field_names(record):
    return [f.strip(" \t").split("=", 1)[0] for f in record.split(";")[1:] if "=" in f]


def policy_names(body):
    return [l.split(":", 1)[0] for l in body.replace("\r\n", "\n").split("\n") if ":" in l]


def known_difference(v, text, ours, theirs):
    kind = v["kind"]
    if "matches" in ours or "matches" in theirs:
        host = v.get("mxHost", "")
        if any(ord(c) > 0x7f for c in host):
            return "mx-host-u-label"
        if "" in host.rstrip(".").split("."):
            return "mx-host-empty-label"
        if "a label has at most" in ours["detail"]:
            return "mx-length"
        return None
    d = ours["detail"]
    if kind in VERSIONS:
        version = VERSIONS[kind]
        records = rrset(text)
        spaced = [r for r in records if re.match(re.escape(version) + "[ \t]+;", r)]
        if len(records) > 1 and spaced:
            return "rrset-space-before-semicolon"
        if kind == "sts-record":
            selected = [r for r in records if r.startswith(version + ";")] if len(records) > 1 else records
            if selected and field_names(selected[0]).count("id") > 1:
                return "repeated-id"
        if ours["valid"] and "invalid URL escape" in theirs["detail"]:
            return "rua-host-percent-encoded"
        if not ours["valid"] and theirs["valid"]:
            if "is not valid: a name is a letter or digit" in d:
                return "ext-name-first-char"
            if kind == "tlsrpt-record":
                if "the record ends in whitespace after 'rua=" in d:
                    return "rua-trailing-whitespace"
                if "accepts only mailto: and https:" in d:
                    return "rua-scheme"
                if "has no host" in d:
                    return "rua-https-no-host"
                if "has no mail address" in d:
                    return "rua-mailto-no-address"
                if ("which a URI cannot contain" in d or "not followed by two hex digits" in d
                        or "is not a valid https URI" in d or "is not an IPv6 address" in d):
                    return "rua-uri-syntax"
                if " of rua URI " in d and (d.startswith("the mail domain ") or d.startswith("the host ")):
                    return "rua-host-name"
        return None
    # policy
    if ours["valid"] and not theirs["valid"]:
        names = [n for n in policy_names(text) if n != "mx"]
        if len(names) != len(set(names)):
            return "repeated-policy-field"
        if "idna: invalid label" in theirs["detail"] and re.search(r"(^|[.\s])[a-z0-9]{2}--", text, re.I):
            return "mx-ldh-double-hyphen"
        return None
    if not ours["valid"] and theirs["valid"]:
        if "not valid UTF-8" in d:
            return "policy-invalid-utf8"
        if "is above the RFC 8461 limit" in d:
            return "max-age-above-limit"
        if "all-numeric label" in d:
            return "mx-numeric-tld"
        if "characters long; a domain name has at most" in d or "a label has at most" in d:
            return "mx-length"
        if "is not valid: a name is a letter or digit" in d:
            return "ext-name-first-char"
        if "has the invalid label 'xn--'" in d:
            return "mx-empty-a-label"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=8461)
    ap.add_argument("--mutants", type=int, default=4000, help="mutants per kind (default 4000)")
    ap.add_argument("--keep", help="write vectors and both verdict files to this folder")
    ap.add_argument("--examples", type=int, default=3, help="examples shown per class")
    ap.add_argument("--jar", default=os.path.join(ROOT, "cli", "target", "mtasts.jar"),
                    help="the mtasts jar to check (default cli/target/mtasts.jar)")
    args = ap.parse_args()

    jar = os.path.abspath(args.jar)
    if not os.path.exists(jar):
        sys.exit("crosscheck: %s not found; build it with ./mvnw -q package -DskipTests" % jar)
    work = args.keep or tempfile.mkdtemp(prefix="crosscheck-")
    os.makedirs(work, exist_ok=True)
    vectors = make_vectors(args.seed, args.mutants)
    vectors_path = os.path.join(work, "vectors.jsonl")
    with open(vectors_path, "w") as f:
        for v in vectors:
            f.write(json.dumps({k: v[k] for k in v if k != "origin"}) + "\n")

    mox_bin = os.path.join(work, "crosscheck-mox")
    subprocess.run(["go", "build", "-o", mox_bin, "."], cwd=HERE, check=True)
    theirs = run([mox_bin], vectors_path, HERE)
    ours = run(["java", "-cp", jar, os.path.join(HERE, "LintBatch.java")], vectors_path, ROOT)
    if args.keep:
        for name, verdicts in (("mtasts.jsonl", ours), ("mox.jsonl", theirs)):
            with open(os.path.join(work, name), "w") as f:
                for i in sorted(verdicts):
                    f.write(json.dumps(verdicts[i]) + "\n")

    classes = collections.defaultdict(list)
    disagreements = 0
    for v in vectors:
        o, t = ours[v["id"]], theirs[v["id"]]
        if o["valid"] == t["valid"] and o.get("matches") == t.get("matches"):
            continue
        disagreements += 1
        text = base64.b64decode(v["input"]).decode("utf-8", "replace")
        known = known_difference(v, text, o, t)
        if known:
            key = ("known", known)
        else:
            what = "matches" if o["valid"] == t["valid"] else "valid"
            key = ("UNEXPLAINED", "%s %s: mtasts %s=%s, mox %s=%s" % (
                v["kind"], v["origin"].split("-")[0], what, o.get(what), what, t.get(what)))
        classes[key].append((v, text, o, t))

    counts = collections.Counter(v["kind"] for v in vectors)
    print("vectors: %d (%s); hand-written: %d" % (
        len(vectors), ", ".join("%s %d" % kv for kv in sorted(counts.items())),
        sum(1 for v in vectors if v["origin"].startswith("hand"))))
    print("disagreements: %d in %d classes" % (disagreements, len(classes)))
    unexplained = 0
    for key in sorted(classes, key=lambda k: (k[0] != "UNEXPLAINED", k)):
        items = classes[key]
        if key[0] == "UNEXPLAINED":
            unexplained += len(items)
        print("\n[%s] %s: %d" % (key[0], key[1], len(items)))
        for v, text, o, t in items[:args.examples]:
            print("  #%d %s%s" % (v["id"], json.dumps(text), " host=" + json.dumps(v["mxHost"]) if "mxHost" in v else ""))
            print("     mtasts: valid=%s%s %s" % (o["valid"], " matches=%s" % o["matches"] if "matches" in o else "", o["detail"][:160]))
            print("     mox:    valid=%s%s %s" % (t["valid"], " matches=%s" % t["matches"] if "matches" in t else "", t["detail"][:160]))
    print("\nunexplained disagreements: %d" % unexplained)
    sys.exit(1 if unexplained else 0)


if __name__ == "__main__":
    main()
