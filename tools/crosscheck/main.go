// Command crosscheck-mox parses vectors with the mtasts and tlsrpt packages of the mox mail
// server, the independent implementation the mtasts parsers are compared against.
//
// It reads JSON lines from standard input, one vector each:
//
//	{"id":1,"kind":"policy","input":"<base64>","mxHost":"mx1.example.com"}
//
// and writes one verdict line per vector to standard output:
//
//	{"id":1,"valid":true,"matches":true,"detail":""}
//
// kind is sts-record, tlsrpt-record or policy, as for `mtasts lint --kind`. For the two record
// kinds the input is a TXT RRset, one record a line, exactly as `mtasts lint` reads it; the
// RRset goes through mox's own lookup (a mock resolver serves it), so record selection is mox's
// too. For a policy the input is the body; mox's fetch reads at most 64 KiB and calls a longer
// body a syntax error, which is reproduced here. matches is set only when mxHost is given and
// the policy is valid: mox's Policy.Matches on the host, parsed the way mox parses a host name
// from an MX record (without its trailing dot).
package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/mjl-/mox/dns"
	"github.com/mjl-/mox/mtasts"
	"github.com/mjl-/mox/tlsrpt"
)

type vector struct {
	ID     int     `json:"id"`
	Kind   string  `json:"kind"`
	Input  string  `json:"input"`
	MxHost *string `json:"mxHost,omitempty"`
}

type verdict struct {
	ID      int    `json:"id"`
	Valid   bool   `json:"valid"`
	Matches *bool  `json:"matches,omitempty"`
	Detail  string `json:"detail"`
}

// maxPolicyBytes is the body size mox's FetchPolicy reads before it fails.
const maxPolicyBytes = 64 * 1024

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 16<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for in.Scan() {
		var v vector
		if err := json.Unmarshal(in.Bytes(), &v); err != nil {
			fmt.Fprintf(os.Stderr, "crosscheck-mox: bad vector line: %v\n", err)
			os.Exit(2)
		}
		raw, err := base64.StdEncoding.DecodeString(v.Input)
		if err != nil {
			fmt.Fprintf(os.Stderr, "crosscheck-mox: vector %d: bad base64: %v\n", v.ID, err)
			os.Exit(2)
		}
		if err := enc.Encode(judge(v, raw)); err != nil {
			fmt.Fprintf(os.Stderr, "crosscheck-mox: %v\n", err)
			os.Exit(2)
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintf(os.Stderr, "crosscheck-mox: reading vectors: %v\n", err)
		os.Exit(2)
	}
}

func judge(v vector, raw []byte) verdict {
	switch v.Kind {
	case "sts-record":
		resolver := dns.MockResolver{TXT: map[string][]string{"_mta-sts.example.com.": records(raw)}}
		_, _, err := mtasts.LookupRecord(context.Background(), quiet, resolver, dns.Domain{ASCII: "example.com"})
		return result(v.ID, err)
	case "tlsrpt-record":
		resolver := dns.MockResolver{TXT: map[string][]string{"_smtp._tls.example.com.": records(raw)}}
		_, _, err := tlsrpt.Lookup(context.Background(), quiet, resolver, dns.Domain{ASCII: "example.com"})
		return result(v.ID, err)
	case "policy":
		if len(raw) > maxPolicyBytes {
			return verdict{ID: v.ID, Valid: false, Detail: "body above 64 KiB"}
		}
		policy, err := mtasts.ParsePolicy(string(raw))
		r := result(v.ID, err)
		if err == nil && v.MxHost != nil {
			matches := false
			host, herr := dns.ParseDomain(strings.TrimSuffix(*v.MxHost, "."))
			if herr != nil {
				r.Detail = "mx host: " + herr.Error()
			} else {
				matches = policy.Matches(host)
			}
			r.Matches = &matches
		}
		return r
	default:
		fmt.Fprintf(os.Stderr, "crosscheck-mox: vector %d: unknown kind %q\n", v.ID, v.Kind)
		os.Exit(2)
		return verdict{}
	}
}

// records splits the input like `mtasts lint` does: one record a line, a final line end starts
// no record, and a CR before the LF is dropped.
func records(raw []byte) []string {
	text := string(raw)
	lines := strings.Split(text, "\n")
	if text == "" || strings.HasSuffix(text, "\n") {
		lines = lines[:len(lines)-1]
	}
	for i, line := range lines {
		lines[i] = strings.TrimSuffix(line, "\r")
	}
	return lines
}

func result(id int, err error) verdict {
	if err != nil {
		return verdict{ID: id, Valid: false, Detail: err.Error()}
	}
	return verdict{ID: id, Valid: true}
}
