// Package tooltest supports tests that need programs installed on the
// machine (Chromium, poppler-utils) or decode what bantin drew.
//
// [Require] finds a program: when it is missing the test is skipped with a
// message that says what to install, unless the environment variable
// BANTIN_REQUIRE_TOOLS=1 is set (CI sets it after installing the tools), in
// which case the test fails. [Chromium] finds the browser (BANTIN_CHROME, or
// chromium, chromium-browser, google-chrome on PATH) the same way.
//
// [NpmFile] finds a file of a globally installed npm package (`npm install
// -g`, or the folder BANTIN_NODE_MODULES) the same way: the theme tests take
// axe-core's axe.min.js from there, and [VNU] runs the Nu HTML checker
// (java and the vnu-jar package's vnu.jar).
//
// [DecodeQR] reads a QR code from an image with a real decoder (gozxing), so
// tests check what a phone would read, not what bantin meant to draw.
//
// [WriteFiles] writes a site folder for a test from a map of files.
//
// Only tests import this package.
package tooltest
