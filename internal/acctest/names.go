package acctest

import (
	"crypto/rand"
	"encoding/hex"
)

// RandomName returns prefix plus a random suffix, so that tests running in
// parallel, or against a live account, never collide.
func RandomName(prefix string) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return "tfacc-" + prefix + "-" + hex.EncodeToString(b)
}
