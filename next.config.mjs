import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./app/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // Pages also get their full Content-Security-Policy, with a nonce, from proxy.ts; both are enforced.
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "geolocation=(), payment=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: { authInterrupts: true },
  // The build checks the app's types, except in npm test, which has just checked everything, tests included, with tsc.
  typescript: { tsconfigPath: "tsconfig.build.json", ignoreBuildErrors: process.env.PREAU_TYPES_CHECKED === "true" },
  // Kept out of the bundle: native or WASM code, and pdfkit, which reads its font metrics from its own folder.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "ioredis", "pdfkit", "postgres"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
