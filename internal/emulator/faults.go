package emulator

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"
)

// Fault is a failure the emulator injects into matching requests, to prove
// that the provider survives throttling, server errors, slow or dropped
// connections and lost responses.
type Fault struct {
	// Vendor is "servicetrade", "kimoby" or "kickserv"; empty matches all.
	Vendor string `json:"vendor,omitempty"`
	// Method matches the HTTP method; empty matches all.
	Method string `json:"method,omitempty"`
	// Path is a prefix of the path below the vendor's mount point, such as
	// "/region" or "/webhooks"; empty matches all.
	Path string `json:"path,omitempty"`
	// Status, when set, answers with this status (429, 500, 502, 503, …)
	// instead of serving the request.
	Status int `json:"status,omitempty"`
	// RetryAfter is the Retry-After header sent with Status.
	RetryAfter string `json:"retry_after,omitempty"`
	// Latency delays the request before anything else happens.
	Latency time.Duration `json:"latency,omitempty"`
	// Drop closes the connection without an answer, before serving.
	Drop bool `json:"drop,omitempty"`
	// DropAfter serves the request (the server acts on it) and then closes
	// the connection without an answer: the client loses the response.
	DropAfter bool `json:"drop_after,omitempty"`
	// Hang holds the request unanswered until the client gives up.
	Hang bool `json:"hang,omitempty"`
	// Times is how many matching requests are affected (default 1).
	Times int `json:"times,omitempty"`
}

type activeFault struct {
	Fault
	left int
}

// Inject adds a fault; faults apply in the order they were injected.
func (e *Emulator) Inject(f Fault) {
	if f.Times <= 0 {
		f.Times = 1
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.faults = append(e.faults, &activeFault{Fault: f, left: f.Times})
}

// ClearFaults removes every pending fault.
func (e *Emulator) ClearFaults() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.faults = nil
}

// FaultsApplied is how many requests a fault has affected so far.
func (e *Emulator) FaultsApplied() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.faultsApplied
}

// takeFault returns the first pending fault matching the request, counting
// it as used.
func (e *Emulator) takeFault(vendor string, r *http.Request, path string) *Fault {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i, f := range e.faults {
		if (f.Vendor == "" || f.Vendor == vendor) && (f.Method == "" || strings.EqualFold(f.Method, r.Method)) && strings.HasPrefix(path, f.Path) {
			f.left--
			if f.left == 0 {
				e.faults = append(e.faults[:i:i], e.faults[i+1:]...)
			}
			e.faultsApplied++
			out := f.Fault
			return &out
		}
	}
	return nil
}

// serveWithFault applies f around h, the handler of vendor. It returns after
// the request is answered, dropped or abandoned by the client.
func (e *Emulator) serveWithFault(vendor string, f *Fault, h http.Handler, w http.ResponseWriter, r *http.Request) {
	// Read the request body first: net/http notices that the client went
	// away (and cancels r.Context()) only once the handler has consumed the
	// body, so a held POST or PUT would otherwise outlive its client.
	if r.Body != nil && r.Body != http.NoBody {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return // the client is gone
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	if f.Latency > 0 {
		select {
		case <-time.After(f.Latency):
		case <-r.Context().Done():
			return
		}
	}
	switch {
	case f.Hang:
		<-r.Context().Done()
	case f.Drop:
		dropConnection(w)
	case f.DropAfter:
		h.ServeHTTP(httptest.NewRecorder(), r)
		dropConnection(w)
	case f.Status != 0:
		if f.Status == http.StatusUnauthorized && vendor == "servicetrade" {
			// A real 401 means the session or token is over: a client
			// that retries with it must be refused again. Kimoby and
			// Kickserv send fixed credentials on every request, which a
			// 401 does not end.
			e.ServiceTrade.RevokeCredential(r)
		}
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		writeFaultStatus(w, vendor, f.Status)
	default:
		h.ServeHTTP(w, r)
	}
}

// writeFaultStatus answers status in the vendor's own error format, so that
// the clients parse an injected answer as they would a real one:
// ServiceTrade's envelope, Kimoby's {"message"} and Kickserv's Rails
// <errors>.
func writeFaultStatus(w http.ResponseWriter, vendor string, status int) {
	msg := "injected fault: " + http.StatusText(status)
	var body []byte
	switch vendor {
	case "servicetrade":
		w.Header().Set("Content-Type", "application/json")
		body, _ = json.Marshal(map[string]any{"messages": map[string][]string{"error": {msg}}})
	case "kickserv":
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		var b bytes.Buffer
		b.WriteString(xml.Header + "<errors>\n  <error>")
		_ = xml.EscapeText(&b, []byte(msg))
		b.WriteString("</error>\n</errors>\n")
		body = b.Bytes()
	default:
		w.Header().Set("Content-Type", "application/json")
		body, _ = json.Marshal(map[string]string{"message": msg})
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func dropConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler) // the server closes the connection
}

// controlHandler serves /_emulator/ for the standalone emulator:
// POST /_emulator/faults (a Fault as JSON), DELETE /_emulator/faults,
// GET /_emulator/requests (the request counters), DELETE /_emulator/requests,
// POST /_emulator/servicetrade/expire-credentials (end every session and
// token, as a server restart would, to try re-login by hand).
func (e *Emulator) controlHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /_emulator/faults", func(w http.ResponseWriter, r *http.Request) {
		var f Fault
		if err := json.NewDecoder(r.Body).Decode(&f); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		e.Inject(f)
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("DELETE /_emulator/faults", func(w http.ResponseWriter, _ *http.Request) {
		e.ClearFaults()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /_emulator/requests", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(e.Requests())
	})
	mux.HandleFunc("DELETE /_emulator/requests", func(w http.ResponseWriter, _ *http.Request) {
		e.ResetRequests()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /_emulator/servicetrade/expire-credentials", func(w http.ResponseWriter, _ *http.Request) {
		e.ServiceTrade.ExpireCredentials()
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}
