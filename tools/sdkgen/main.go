// Command sdkgen writes the Node.js, Python, Go and .NET SDKs of a Pulumi package from its
// schema with Pulumi's own code generators: the pkg/codegen packages of the Pulumi release that
// go.mod pins, the same code the language hosts run for `pulumi package gen-sdk`. The hosts of
// these languages are not needed, which is the point: only the CLI and the Java host are built
// for this project.
//
// Usage:
//
//	sdkgen -schema FILE -version VERSION -logo FILE -out DIR [-plugin-download-url URL] LANGUAGE...
//
// LANGUAGE is nodejs, python, go or dotnet; each SDK is written to DIR/LANGUAGE, which must not
// exist yet. The schema is the package's source schema; -version and -plugin-download-url fill
// in what the provider adds when it serves the schema, so that the SDKs record the plugin's
// version and where the engine may download it.
//
// The .NET generator fetches the schema's logoUrl over HTTP to ship it in the package; here every
// HTTP request of the generators is answered locally: logoUrl with the bytes of -logo, anything
// else with an error, so generation never reaches the network. The Go SDK also gets a go.mod
// (the generator writes one only for local packages) that requires the Pulumi Go SDK this
// command was built with; its go.sum is left to `go mod tidy`.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"

	"github.com/blang/semver"
	dotnetgen "github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	nodejsgen "github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	pythongen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// tool is the name the generators write into the header of every file.
const tool = "mtasts-sdkgen"

// pulumiGoSDK is the module the generated Go SDK depends on.
const pulumiGoSDK = "github.com/pulumi/pulumi/sdk/v3"

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "sdkgen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	flags := flag.NewFlagSet("sdkgen", flag.ContinueOnError)
	schemaFile := flags.String("schema", "", "the package schema (JSON)")
	version := flags.String("version", "", "the plugin version the SDKs record")
	downloadURL := flags.String("plugin-download-url", "", "where the engine may download the plugin (optional)")
	logo := flags.String("logo", "", "the local file that stands for the schema's logoUrl")
	out := flags.String("out", "", "the folder that receives one folder per language")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *schemaFile == "" || *version == "" || *logo == "" || *out == "" || flags.NArg() == 0 {
		return errors.New("usage: sdkgen -schema FILE -version VERSION -logo FILE -out DIR " +
			"[-plugin-download-url URL] nodejs|python|go|dotnet...")
	}
	generators := make([]generator, 0, flags.NArg())
	for _, language := range flags.Args() {
		g, ok := generatorsByLanguage[language]
		if !ok {
			return fmt.Errorf("unknown language %q: the known ones are nodejs, python, go and dotnet", language)
		}
		generators = append(generators, g)
	}

	spec, err := readSpec(*schemaFile, *version, *downloadURL)
	if err != nil {
		return err
	}
	if err := serveLogoLocally(spec.LogoURL, *logo); err != nil {
		return err
	}
	for i, g := range generators {
		language := flags.Arg(i)
		// Each generator stores its language's settings in the bound package: bind afresh.
		pkg, err := bind(spec)
		if err != nil {
			return err
		}
		files, err := g(pkg)
		if err != nil {
			return fmt.Errorf("generating the %s SDK: %w", language, err)
		}
		if err := write(filepath.Join(*out, language), files); err != nil {
			return err
		}
	}
	return nil
}

// readSpec reads the schema and records the build's version and download URL in it.
func readSpec(file, version, downloadURL string) (schema.PackageSpec, error) {
	var spec schema.PackageSpec
	text, err := os.ReadFile(file)
	if err != nil {
		return spec, err
	}
	if err := json.Unmarshal(text, &spec); err != nil {
		return spec, fmt.Errorf("%s: %w", file, err)
	}
	if _, err := semver.ParseTolerant(version); err != nil {
		return spec, fmt.Errorf("-version %q is not a semantic version: %w", version, err)
	}
	spec.Version = version
	spec.PluginDownloadURL = downloadURL
	return spec, nil
}

// bind checks the schema as `pulumi package gen-sdk` does and fails on any error it reports.
func bind(spec schema.PackageSpec) (*schema.Package, error) {
	pkg, diags, err := schema.BindSpec(spec, noPackages{}, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("the schema is invalid: %w", diags)
	}
	return pkg, nil
}

// generator turns a bound package into the files of one language's SDK, by relative path.
type generator func(pkg *schema.Package) (map[string][]byte, error)

var generatorsByLanguage = map[string]generator{
	"nodejs": func(pkg *schema.Package) (map[string][]byte, error) {
		return nodejsgen.GeneratePackage(tool, pkg, nil, nil, false, noPackages{})
	},
	"python": func(pkg *schema.Package) (map[string][]byte, error) {
		return pythongen.GeneratePackage(tool, pkg, nil, noPackages{})
	},
	"go": func(pkg *schema.Package) (map[string][]byte, error) {
		files, err := gogen.GeneratePackage(tool, pkg, nil)
		if err != nil {
			return nil, err
		}
		files["go.mod"], err = goMod(pkg)
		return files, err
	},
	"dotnet": func(pkg *schema.Package) (map[string][]byte, error) {
		return dotnetgen.GeneratePackage(tool, pkg, nil, nil)
	},
}

// goMod declares the Go SDK's module at the root of its folder: the generator writes the
// package into a folder named like the last element of importBasePath, so the module path is
// importBasePath without that element.
func goMod(pkg *schema.Package) ([]byte, error) {
	info, ok := pkg.Language["go"].(gogen.GoPackageInfo)
	if !ok || info.ImportBasePath == "" {
		return nil, errors.New("the schema's language.go.importBasePath is required for the Go SDK's module path")
	}
	sdkVersion, err := dependencyVersion(pulumiGoSDK)
	if err != nil {
		return nil, err
	}
	return []byte(fmt.Sprintf("module %s\n\ngo 1.24\n\nrequire %s %s\n",
		path.Dir(info.ImportBasePath), pulumiGoSDK, sdkVersion)), nil
}

// dependencyVersion is the version of a module this command was built with.
func dependencyVersion(module string) (string, error) {
	build, ok := debug.ReadBuildInfo()
	if !ok {
		return "", errors.New("no build information in this binary")
	}
	for _, dep := range build.Deps {
		if dep.Path == module {
			if dep.Replace != nil {
				return dep.Replace.Version, nil
			}
			return dep.Version, nil
		}
	}
	return "", fmt.Errorf("this binary was not built with %s", module)
}

// write puts the files under dir, which must not exist yet, so that no file of an earlier
// generation survives.
func write(dir string, files map[string][]byte) error {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("%s exists: give an empty -out folder", dir)
	}
	for name, content := range files {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// noPackages is the loader of a package that references no other package: every lookup fails.
type noPackages struct{}

func (noPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema references package %q: only self-contained schemas are supported", name)
}

func (l noPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, d.Version)
}

func (l noPackages) LoadPackageReference(name string, v *semver.Version) (schema.PackageReference, error) {
	_, err := l.LoadPackage(name, v)
	return nil, err
}

func (l noPackages) LoadPackageReferenceV2(ctx context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	_, err := l.LoadPackageV2(ctx, d)
	return nil, err
}
