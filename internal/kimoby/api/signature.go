package api

import (
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // Kimoby signs webhooks with HMAC-SHA1; the algorithm is theirs.
	"crypto/subtle"
	"encoding/base64"
	"strings"
)

// SignatureHeader carries the signature of every webhook delivery.
const SignatureHeader = "X-Kimoby-Signature"

// Signature computes the X-Kimoby-Signature of a delivery: the base64 HMAC-SHA1
// of the webhook url followed directly by the request body, keyed with the
// webhook's authentication key. Unlike Kimoby's Ruby example
// (Base64.encode64), no trailing newline is added.
func Signature(key, webhookURL, body string) string {
	mac := hmac.New(sha1.New, []byte(key))
	mac.Write([]byte(webhookURL))
	mac.Write([]byte(body))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// VerifySignature compares a received header value with the expected
// signature in constant time, ignoring the surrounding white space (the
// trailing newline of Ruby's Base64.encode64).
func VerifySignature(key, webhookURL, body, header string) bool {
	want := Signature(key, webhookURL, body)
	got := strings.TrimSpace(header)
	return subtle.ConstantTimeCompare([]byte(want), []byte(got)) == 1
}
