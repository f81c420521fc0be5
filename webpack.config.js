/* eslint-disable no-undef */
// Builds the task pane, ribbon commands and custom functions (shared runtime: one page hosts all three).
const webpack = require("webpack");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const urlDev = "https://localhost:3000";
/** Where the production build is hosted; every localhost URL in manifest.xml is replaced by it. */
const urlProd = (process.env.ADDIN_PROD_URL || "https://hyperv-tco.example.com").replace(/\/+$/, "");

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // dist/cli holds the compiled command line (`npm run build:cli`, run by `npm ci`): keep it.
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".js"],
      // The browser build of exceljs (the .xlsx writer and reader load it only when needed).
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
      fallback: { fs: false, path: false, stream: false, crypto: false, https: false, os: false },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json", transpileOnly: false } },
        },
        { test: /\.css$/, type: "asset/source" },
      ],
    },
    performance: { hints: false },
    // Shared runtime: taskpane.html loads the pane, the ribbon commands and the custom functions
    // in one page (the manifest requires SharedRuntime 1.1, so Excel never loads functions.js on
    // its own). One webpack runtime and one `engine` chunk hold what the entries share — the
    // engine, decimal.js — so the page downloads and evaluates it once and the pane and the
    // =HVTCO.* functions share its module instances. The TCO analysis behind the pane's
    // preview is its own chunk (`analysis`), loaded once the pane is on screen.
    optimization: {
      runtimeChunk: "single",
      splitChunks: {
        cacheGroups: {
          default: false,
          defaultVendors: false,
          // What two of the start-up entries share, and what the preview's analysis (loaded
          // after the first render) shares with the custom functions: the planner and the
          // licensing rules come once, in the start-up bundle the functions need anyway.
          engine: {
            name: "engine",
            chunks: (chunk) => ["taskpane", "commands", "functions", "analysis"].includes(chunk.name),
            minChunks: 2,
            enforce: true,
          },
        },
      },
    },
    plugins: [
      // pptxgenjs (the slides, loaded only when asked) imports node:fs / node:https for Node; in
      // the browser they are the empty fallbacks below.
      new webpack.NormalModuleReplacementPlugin(/^node:(fs|https|os|path)$/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "commands", "functions"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/taskpane/help.html", chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          // Linked by taskpane.html (not in the start-up JS); the result details' CSS stays in their lazy chunk.
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "assets/examples/*.json", to: "examples/[name][ext]", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd)),
          },
        ],
      }),
    ],
  };
  if (env.WEBPACK_SERVE) {
    const { httpsOptions } = require("./src/cli/devCerts.cjs");
    const certOptions = await httpsOptions();
    config.devServer = {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache" },
      server: certOptions ? { type: "https", options: certOptions } : { type: "https" },
      static: [
        { directory: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"), publicPath: "/office-js" },
      ],
      client: { overlay: { warnings: false, errors: true } },
    };
  }
  return config;
};
