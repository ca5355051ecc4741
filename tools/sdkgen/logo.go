package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
)

// serveLogoLocally answers every HTTP request of this process without the network: a GET of
// logoURL with the bytes of file, anything else with an error naming the URL. The .NET
// generator is the one that asks (it ships the logo in the package).
func serveLogoLocally(logoURL, file string) error {
	if logoURL == "" {
		return fmt.Errorf("the schema has no logoUrl: the .NET generator would fetch a default logo from the network")
	}
	logo, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	http.DefaultTransport = localLogo{url: logoURL, png: logo}
	return nil
}

type localLogo struct {
	url string
	png []byte
}

func (l localLogo) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method != http.MethodGet || req.URL.String() != l.url {
		return nil, fmt.Errorf("%s %s: the generators may fetch nothing but the logo (%s), which is served from a local file",
			req.Method, req.URL, l.url)
	}
	return &http.Response{
		StatusCode:    http.StatusOK,
		Status:        "200 OK",
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": {"image/png"}},
		Body:          io.NopCloser(bytes.NewReader(l.png)),
		ContentLength: int64(len(l.png)),
		Request:       req,
	}, nil
}
