// Package search builds bantin's static search index.
package search
