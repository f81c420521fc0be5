// HTTPS options for the dev server, with office-addin-dev-certs where it works and a clear
// fallback where it cannot install its CA (Linux without sudo, containers, CI).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const os = require("node:os");

const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const files = {
  ca: path.join(CERT_DIR, "ca.crt"),
  cert: path.join(CERT_DIR, "localhost.crt"),
  key: path.join(CERT_DIR, "localhost.key"),
};

function filesExist() {
  return Object.values(files).every((f) => fs.existsSync(f));
}

function notExpired() {
  try {
    const { X509Certificate } = require("node:crypto");
    const cert = new X509Certificate(fs.readFileSync(files.cert));
    return new Date(cert.validTo).getTime() > Date.now() + 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

function readFiles() {
  return {
    ca: fs.readFileSync(files.ca),
    cert: fs.readFileSync(files.cert),
    key: fs.readFileSync(files.key),
  };
}

const log = (msg) => process.stderr.write(`[dev-certs] ${msg}\n`);

/**
 * Options for webpack-dev-server's `server.options`, or undefined to let it make its own
 * self-signed certificate. Never throws.
 */
async function httpsOptions() {
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch (e) {
    log(`office-addin-dev-certs unavailable (${e.message}); using a self-signed certificate.`);
    return undefined;
  }
  const canInstall =
    (process.platform === "win32" || process.platform === "darwin") && !process.env.CI;
  if (canInstall) {
    try {
      return await devCerts.getHttpsServerOptions();
    } catch (e) {
      log(
        `could not install the development CA (${e.message}); using the generated files directly.`
      );
    }
  }
  try {
    if (!filesExist() || !notExpired()) {
      log(`generating development certificates in ${CERT_DIR} (valid 30 days)…`);
      await devCerts.generateCertificates(files.ca, files.cert, files.key, 30);
    }
    const trusted = canInstall && (await devCerts.isCaCertificateInstalled?.());
    if (!trusted) {
      log(`serving with ${files.cert}. This machine's browsers do not trust its CA yet:`);
      log(
        `  Chromium/Chrome on Linux: certutil -d sql:$HOME/.pki/nssdb -A -n "Office Add-in dev CA" -t "C,," -i ${files.ca}`
      );
      log(`  or import ${files.ca} as a trusted authority in your browser's certificate settings.`);
    }
    return readFiles();
  } catch (e) {
    log(
      `could not create development certificates (${e.message}); webpack-dev-server will use its own self-signed certificate.`
    );
    return undefined;
  }
}

module.exports = { httpsOptions, CERT_DIR, files };
