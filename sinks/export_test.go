package sinks

// SetResolveBatch makes resolutions take n blocks a batch until the
// returned function restores the default.
func SetResolveBatch(n int) (restore func()) {
	old := resolveBatch
	resolveBatch = n
	return func() { resolveBatch = old }
}
