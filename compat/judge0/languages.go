package judge0

import (
	"regexp"
	"runtime"
	"sort"
	"strings"

	"github.com/verdict-judge/verdict/lang"
)

// Language is a language as Judge0 shows it.
type Language struct {
	ID         int     `json:"id"`
	Name       string  `json:"name"`
	IsArchived bool    `json:"is_archived"`
	SourceFile string  `json:"source_file"`
	CompileCmd *string `json:"compile_cmd"`
	RunCmd     string  `json:"run_cmd"`

	lang *lang.Language
}

// ref is the {"id", "name"} object of a submission's language.
type ref struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

// judge0IDs gives Verdict's languages Judge0 CE 1.13.1's ids, which clients
// hard-code: the first is listed, the others (the same language with
// another compiler version in Judge0) are accepted as aliases.
var judge0IDs = map[string][]int{
	"c":          {50, 48, 49},
	"cpp":        {54, 52, 53},
	"python":     {71},
	"java":       {62},
	"javascript": {63},
	"go":         {60},
	"rust":       {73},
}

// judge0Names are the names, with %s for the version, as Judge0 words them.
var judge0Names = map[string]string{
	"c": "C (GCC %s)", "cpp": "C++ (GCC %s)", "python": "Python (%s)", "java": "Java (OpenJDK %s)",
	"javascript": "JavaScript (Node.js %s)", "go": "Go (%s)", "rust": "Rust (%s)",
}

var versionRE = regexp.MustCompile(`\d+(?:\.\d+)+`)

// Languages are the languages offered through the Judge0 API.
type Languages struct {
	byID map[int]*Language
	list []*Language // listed ones, by name
}

// NewLanguages maps the languages present here onto Judge0's ids. A
// language Judge0 has no id for is not offered through this API.
func NewLanguages(avail []*lang.Language) *Languages {
	ls := &Languages{byID: map[int]*Language{}}
	for _, l := range avail {
		ids, ok := judge0IDs[l.ID]
		if !ok {
			continue
		}
		name := strings.Replace(judge0Names[l.ID], "%s", versionRE.FindString(l.Version), 1)
		jl := &Language{ID: ids[0], Name: name, SourceFile: l.Source, RunCmd: strings.Join(l.Run, " "), lang: l}
		if len(l.Compile) > 0 {
			c := strings.Join(l.Compile, " ")
			jl.CompileCmd = &c
		}
		ls.list = append(ls.list, jl)
		for _, id := range ids {
			ls.byID[id] = jl
		}
	}
	sort.Slice(ls.list, func(i, j int) bool { return ls.list[i].Name < ls.list[j].Name })
	return ls
}

// Lookup returns the language of a Judge0 id.
func (ls *Languages) Lookup(id int) (*Language, bool) {
	l, ok := ls.byID[id]
	return l, ok
}

func (ls *Languages) ref(id int) ref {
	if l, ok := ls.byID[id]; ok {
		return ref{ID: id, Name: l.Name}
	}
	return ref{ID: id}
}

// goarch names the machine as lscpu does.
func goarch() string {
	switch runtime.GOARCH {
	case "amd64":
		return "x86_64"
	case "arm64":
		return "aarch64"
	}
	return runtime.GOARCH
}
