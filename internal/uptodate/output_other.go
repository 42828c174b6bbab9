//go:build !linux

package uptodate

import "errors"

var errUnsupported = errors.New("the up-to-date check needs Linux")

func rootRecord(string) (string, error) { return "", errUnsupported }

func listFolders(string) ([]folderSum, error) { return nil, errUnsupported }
