// Look-alikes an independent judge marked wrong on real repositories (Rocket.Chat, novu), each beside
// the real positive it resembles, asserting the file, line, category and kind of what is found.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const found = (file: string, src: string) => scanText(file, src, rules).map((f) => `${f.file}:${f.line} ${f.category} ${f.kind}`);

describe("a camera asked for a video records a video", () => {
  it("openCamera({ mediaType: 'video' }) and a spread VIDEO_* config are video; a photo or an any-media picker is an image", () => {
    const src = [
      "import ImagePicker from 'react-native-image-crop-picker';",
      "export async function takeVideo() { return ImagePicker.openCamera({ mediaType: 'video' }); }",
      "export async function takeVideo2() { return ImagePicker.openCamera({ ...VIDEO_PICKER_CONFIG, ...labels }); }",
      "export async function takePhoto() { return ImagePicker.openCamera({ ...IMAGE_PICKER_CONFIG, cropping: true }); }",
      "export async function pickAny() { return ImagePicker.openPicker({ mediaType: 'any', multiple: true }); }",
    ].join("\n");
    expect(found("media.ts", src)).toEqual(["media.ts:2 video source", "media.ts:3 video source", "media.ts:4 image source", "media.ts:5 image source"]);
  });

  it("expo's Videos option is video; its All option is an image", () => {
    const src = [
      "import * as ImagePicker from 'expo-image-picker';",
      "export const record = () => ImagePicker.launchCameraAsync({ mediaTypes: ImagePicker.MediaTypeOptions.Videos });",
      "export const pick = () => ImagePicker.launchImageLibraryAsync({ mediaTypes: ImagePicker.MediaTypeOptions.All });",
    ].join("\n");
    expect(found("expo.ts", src)).toEqual(["expo.ts:2 video source", "expo.ts:3 image source"]);
  });
});

describe("a server's Sentry set-up sends no one's data by itself", () => {
  it("init({ dsn, environment, release }) on a server is no collection; with sendDefaultPii it is; a browser's init is", () => {
    const server = [
      "import { init } from '@sentry/nestjs';",
      "if (process.env.SENTRY_DSN) {",
      "  init({ dsn: process.env.SENTRY_DSN, environment: process.env.NODE_ENV, release: 'v1', ignoreErrors: ['Non-Error exception captured'] });",
      "}",
      "init({ dsn: process.env.SENTRY_DSN, sendDefaultPii: true });",
    ].join("\n");
    expect(found("instrument.ts", server)).toEqual(["instrument.ts:5 diagnostics transmit"]);
    const browser = "import * as Sentry from '@sentry/react';\nSentry.init({ dsn: SENTRY_DSN, environment: 'prod' });";
    expect(found("initializeApp.ts", browser)).toEqual(["initializeApp.ts:2 diagnostics transmit"]);
  });
});

describe("a login hint on an email field is no nickname", () => {
  it("autoComplete/textContentType username beside an email type or keyboard is the email the field asks for; on a plain field it is a username", () => {
    const src = [
      "export const LoginForm = () => (",
      "  <form>",
      '    <input type="email" name="login" autoComplete="username" />',
      '    <TextInput keyboardType="email-address" textContentType="username" autoComplete="username" />',
      '    <TextField autoComplete="username" />',
      '    <TextInput textContentType="username" autoComplete="username" />',
      "  </form>",
      ");",
    ].join("\n");
    expect(found("login.tsx", src)).toEqual(["login.tsx:3 email input", "login.tsx:4 email input", "login.tsx:5 nickname input", "login.tsx:6 nickname input"]);
  });
});
