// Package emu holds what the vendor emulators (servicetrade, kimoby,
// kickserv) share in answering HTTP, where no vendor differs: routing with
// the vendor's own answer for an unknown path, JSON bodies, and random
// credentials. What a vendor answers stays in its own package.
package emu

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
)

// Dispatch answers r with mux's route for it, or with unrouted when mux has
// none. http.ServeMux would answer an unknown path, or a method a pattern
// does not name, with its own plain-text 404 or 405, which is no vendor's
// answer: each emulator says what its vendor sends instead.
func Dispatch(mux *http.ServeMux, w http.ResponseWriter, r *http.Request, unrouted func(http.ResponseWriter)) {
	if _, pattern := mux.Handler(r); pattern == "" {
		unrouted(w)
		return
	}
	mux.ServeHTTP(w, r)
}

// WriteJSON answers status with v as a JSON body.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// RandomHex returns n random bytes as 2n hex digits, the shape of the
// vendors' tokens and ids.
func RandomHex(n int) string { return hex.EncodeToString(RandomBytes(n)) }

// RandomBytes returns n random bytes.
func RandomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}
