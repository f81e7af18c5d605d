package transport

import (
	"context"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// maxLoggedBody keeps trace logs readable with large list responses.
const maxLoggedBody = 16 * 1024

func (c *Client) logContext(ctx context.Context) context.Context {
	return tflog.NewSubsystem(ctx, c.subsystem())
}

func (c *Client) subsystem() string {
	if c.cfg.Subsystem == "" {
		return "http"
	}
	return c.cfg.Subsystem
}

func truncate(s string) string {
	if len(s) > maxLoggedBody {
		return s[:maxLoggedBody] + "…(truncated)"
	}
	return s
}

func (c *Client) logRequest(ctx context.Context, req *http.Request, body []byte, attempt int) {
	fields := map[string]any{
		"method":  req.Method,
		"url":     c.redactor.URL(req.URL.String()),
		"attempt": attempt,
	}
	tflog.SubsystemDebug(ctx, c.subsystem(), "sending API request", fields)
	fields["headers"] = c.redactor.Headers(req.Header)
	fields["body"] = truncate(c.redactor.Body(req.Header.Get("Content-Type"), body))
	tflog.SubsystemTrace(ctx, c.subsystem(), "API request detail", fields)
}

func (c *Client) logResponse(ctx context.Context, req *http.Request, resp *Response, took time.Duration) {
	fields := map[string]any{
		"method":      req.Method,
		"url":         c.redactor.URL(req.URL.String()),
		"status":      resp.StatusCode,
		"duration_ms": took.Milliseconds(),
	}
	tflog.SubsystemDebug(ctx, c.subsystem(), "received API response", fields)
	fields["headers"] = c.redactor.Headers(resp.Header)
	fields["body"] = truncate(c.redactor.Body(resp.Header.Get("Content-Type"), resp.Body))
	tflog.SubsystemTrace(ctx, c.subsystem(), "API response detail", fields)
}

func (c *Client) logFailure(ctx context.Context, req *http.Request, err error, took time.Duration) {
	tflog.SubsystemDebug(ctx, c.subsystem(), "API request failed", map[string]any{
		"method":      req.Method,
		"url":         c.redactor.URL(req.URL.String()),
		"error":       c.redactError(err, req.URL.String()).Error(),
		"duration_ms": took.Milliseconds(),
	})
}

func (c *Client) logRetry(ctx context.Context, req *Request, attempt int, resp *Response, err error, wait time.Duration) {
	fields := map[string]any{"method": req.Method, "attempt": attempt, "wait_ms": wait.Milliseconds()}
	if resp != nil {
		fields["status"] = resp.StatusCode
	}
	if err != nil {
		fields["error"] = c.redactError(err, req.URL).Error()
	}
	tflog.SubsystemInfo(ctx, c.subsystem(), "retrying API request after a transient failure", fields)
}

// logGiveUp says why a transient failure is not retried: the attempts or
// the elapsed budget are spent, or the server asks for a wait beyond it.
func (c *Client) logGiveUp(ctx context.Context, req *Request, attempt int, resp *Response, retryAfter, elapsed time.Duration) {
	fields := map[string]any{"method": req.Method, "url": c.redactor.URL(req.URL), "attempts": attempt, "elapsed_ms": elapsed.Milliseconds(), "max_elapsed_ms": c.cfg.Retry.MaxElapsed.Milliseconds()}
	if resp != nil {
		fields["status"] = resp.StatusCode
	}
	if retryAfter > 0 {
		fields["retry_after_ms"] = retryAfter.Milliseconds()
	}
	tflog.SubsystemInfo(ctx, c.subsystem(), "giving up on a transient failure: the retry policy is spent", fields)
}
