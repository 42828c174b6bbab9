// Package parallel runs independent work on every core: [For] calls a
// function for each index and waits. Results go into slices indexed the
// same way, so output order never depends on scheduling.
package parallel
