package transport

import (
	"context"
	"fmt"
	"net"
)

// Plain http is allowed to this machine only (CheckCredentialURL). For an
// IP literal that is decided by reading the URL; for the name "localhost"
// it is decided when the connection is made: the Client's dialer checks
// the address it actually connected to, before a byte is written, so that
// a resolver or hosts file that maps localhost elsewhere gets nothing.

// plainHTTPKey marks the context of a plain-http attempt: its connections
// must reach a loopback address. https connections are protected by TLS
// and may go anywhere, through proxies included.
type plainHTTPKey struct{}

// LoopbackError refuses a plain-http connection whose far end is not a
// loopback address.
type LoopbackError struct {
	Addr   string // what was dialled: host:port
	Remote string // the address reached
}

func (e *LoopbackError) Error() string {
	return fmt.Sprintf("refusing to send credentials over plain http to %s: it resolved to %s, which is not a loopback address. "+
		"Plain http is allowed only to this machine; use an https:// URL, or a loopback address such as http://127.0.0.1:PORT", e.Addr, e.Remote)
}

// OutcomeUnknown is false: nothing was sent.
func (e *LoopbackError) OutcomeUnknown() bool { return false }

func (e *LoopbackError) final() {}

type dialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// guardLoopback wraps dial so that a plain-http connection that does not
// reach a loopback address is closed at once and refused.
func guardLoopback(dial dialFunc) dialFunc {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dial(ctx, network, addr)
		if err != nil || ctx.Value(plainHTTPKey{}) == nil {
			return conn, err
		}
		if err := checkLoopbackConn(addr, conn); err != nil {
			_ = conn.Close()
			return nil, err
		}
		return conn, nil
	}
}

// checkLoopbackConn refuses conn, dialled for addr, unless its remote
// address is a loopback IP.
func checkLoopbackConn(addr string, conn net.Conn) error {
	remote := conn.RemoteAddr()
	var ip net.IP
	switch a := remote.(type) {
	case *net.TCPAddr:
		ip = a.IP
	default:
		if remote != nil {
			host, _, err := net.SplitHostPort(remote.String())
			if err == nil {
				ip = net.ParseIP(host)
			}
		}
	}
	if ip == nil || !ip.IsLoopback() {
		shown := "an unknown address"
		if remote != nil {
			shown = remote.String()
		}
		if ip != nil {
			shown = ip.String()
		}
		return &LoopbackError{Addr: addr, Remote: shown}
	}
	return nil
}
