package emulator

import (
	"fmt"
	"net/http"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

// Dump returns what every vendor holds now, as a seed file: loading it
// (NewSeeded with it as Options.Seed) gives an emulator holding the same
// objects, and dumping that one gives the same bytes (seedfile.Marshal).
// Each vendor's section is taken under that vendor's lock; requests served
// while Dump runs may land in one vendor's section and not yet in another's.
func (e *Emulator) Dump() (*seedfile.File, error) {
	st, err := e.ServiceTrade.Dump()
	if err != nil {
		return nil, fmt.Errorf("dumping ServiceTrade: %w", err)
	}
	km, err := e.Kimoby.Dump()
	if err != nil {
		return nil, fmt.Errorf("dumping Kimoby: %w", err)
	}
	ks, err := e.Kickserv.Dump()
	if err != nil {
		return nil, fmt.Errorf("dumping Kickserv: %w", err)
	}
	return &seedfile.File{Version: seedfile.Version, ServiceTrade: st, Kimoby: km, Kickserv: ks}, nil
}

// DumpJSON is Dump rendered as the dump file is written: indented JSON.
func (e *Emulator) DumpJSON() ([]byte, error) {
	f, err := e.Dump()
	if err != nil {
		return nil, err
	}
	return seedfile.Marshal(f)
}

// dumpHandler serves GET /_emulator/dump: the whole seed file, indented
// JSON, to save with `curl -o seed.json .../_emulator/dump` and load with
// `fieldservice-emulator --seed seed.json`.
func (e *Emulator) dumpHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		b, err := e.DumpJSON()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(b)
	})
}
