// Look-alikes an independent judge marked wrong on openreplay, ghostfolio and unleash (the browser's
// language and time zone read for formatting, a dialog's display locale, feature detection, a browser
// extension's own messages), each beside the real positive it resembles, asserting file, line, category and kind.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const found = (file: string, src: string) => scanText(file, src, rules).map((f) => `${f.file}:${f.line} ${f.category} ${f.kind}`);

describe("the browser's language and time zone are collected where they are sent", () => {
  it("an Angular HttpInterceptor that sets the time zone as a header sends it with every request", () => {
    const src = [
      "import { HttpHandler, HttpInterceptor, HttpRequest } from '@angular/common/http';",
      "export class AuthInterceptor implements HttpInterceptor {",
      "  public intercept<T>(req: HttpRequest<T>, next: HttpHandler) {",
      "    let headers = req.headers.set(",
      "      HEADER_KEY_TIMEZONE,",
      "      Intl?.DateTimeFormat().resolvedOptions().timeZone",
      "    );",
      "    const request = req.clone({ headers });",
      "    return next.handle(request);",
      "  }",
      "}",
    ].join("\n");
    expect(found("auth.interceptor.ts", src)).toEqual(["auth.interceptor.ts:9 timezone transmit"]);
  });

  it("a functional interceptor's setHeaders and a Socket.IO handshake's query send them too", () => {
    const fn = [
      "import { HttpHandlerFn, HttpRequest } from '@angular/common/http';",
      "export function langInterceptor(req: HttpRequest<unknown>, next: HttpHandlerFn) {",
      "  const lang = navigator.language;",
      "  return next(req.clone({ setHeaders: { 'Accept-Language': lang } }));",
      "}",
    ].join("\n");
    expect(found("lang.interceptor.ts", fn)).toEqual(["lang.interceptor.ts:4 language transmit"]);
    const socket = [
      "import io from 'socket.io-client';",
      "export const connect = (url: string, projectId: string) => io(url, {",
      "  transports: ['websocket'],",
      "  query: { project_id: projectId, timezone: Intl.DateTimeFormat().resolvedOptions().timeZone },",
      "});",
    ].join("\n");
    expect(found("SocketManager.ts", socket)).toEqual(["SocketManager.ts:2 timezone transmit"]);
  });

  it("read only to format a date or a number on the device, they are no finding", () => {
    const src = [
      "export const getLocale = () => navigator.language || 'en-US';",
      "export function formatDate(d: Date) {",
      "  const eu = navigator.language !== 'en-US';",
      "  return d.toLocaleDateString(eu ? 'en-GB' : 'en-US', { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });",
      "}",
      "export const getBrowserTimezone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;",
    ].join("\n");
    expect(found("date.ts", src)).toEqual([]);
  });

  it("an interceptor that passes the request on with no personal header, or a NestJS next.handle(), sends nothing of it", () => {
    const angular = [
      "import { HttpHandler, HttpRequest } from '@angular/common/http';",
      "export class SkipInterceptor {",
      "  intercept(req: HttpRequest<unknown>, next: HttpHandler) {",
      "    return next.handle(req.clone({ headers: req.headers.delete(HEADER_KEY_SKIP_INTERCEPTOR) }));",
      "  }",
      "}",
    ].join("\n");
    expect(found("skip.interceptor.ts", angular)).toEqual([]);
    const nest = [
      "import { CallHandler, ExecutionContext } from '@nestjs/common';",
      "export class TzInterceptor {",
      "  intercept(context: ExecutionContext, next: CallHandler) {",
      "    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;",
      "    return next.handle().pipe(map((data) => ({ ...data, tz })));",
      "  }",
      "}",
    ].join("\n");
    expect(found("tz.interceptor.ts", nest)).toEqual([]);
  });
});

describe("a dialog's parameters carry the display locale", () => {
  it("locale beside colorScheme and deviceType in *DialogParams is no language; a user's params' locale is", () => {
    const src = [
      "export interface UserDetailDialogParams {",
      "  currentUserId: string;",
      "  deviceType: string;",
      "  locale: string;",
      "  userId: string;",
      "}",
      "export interface AssetProfileDialogParams { colorScheme: ColorScheme; locale: string; symbol: string }",
      "export interface UpdateUserParams { userId: string; locale: string }",
    ].join("\n");
    expect(found("interfaces.ts", src)).toEqual(["interfaces.ts:8 language schema"]);
  });
});

describe("feature detection is no capture", () => {
  it("!navigator?.mediaDevices?.getUserMedia tests for the API; getUserMedia({ audio, video }) opens the devices", () => {
    const src = [
      "export default function init(app: App | null) {",
      "  if (app === null || !navigator?.mediaDevices?.getUserMedia) {",
      "    return;",
      "  }",
      "  const supported = typeof navigator.mediaDevices.getUserMedia === 'function';",
      "  return navigator.mediaDevices.getUserMedia({ audio: true, video: true });",
      "}",
    ].join("\n");
    expect(found("index.ts", src)).toEqual(["index.ts:6 audio source", "index.ts:6 video source"]);
  });
});

describe("a browser extension's own messages stay on the device", () => {
  it("runtime and tabs sendMessage with a microphone's id send no audio; a worker's postMessage is passed on to where it sends", () => {
    const popup = [
      "export function start(area: string, mic: boolean, audioId: string) {",
      "  browser.runtime.sendMessage({ type: 'popup:start', area, mic, audioId, email: user.email });",
      "  chrome.tabs.sendMessage(tabId, { type: 'content:mount', email: user.email });",
      "}",
    ].join("\n");
    expect(found("useAppState.ts", popup)).toEqual([]);
    const tracker = [
      "export function start(worker: Worker) {",
      "  worker.postMessage({ type: 'start', email: user.email });",
      "}",
    ].join("\n");
    expect(found("app.ts", tracker)).toEqual(["app.ts:2 email transmit"]);
  });

  it("a microphone's id and a recorder's state name no audio or video; the recording does", () => {
    const src = [
      "type recState = { activeTabId: number | null; recording: string; audioPerm: number };",
      "export const startRec = (audioId: string) => api.post('/recorder/start', { audioId, type: messages.to.stopRecording });",
      "export const upload = (audioRecording: Blob) => api.post('/recordings', { audioRecording });",
    ].join("\n");
    expect(found("background.ts", src)).toEqual(["background.ts:3 audio transmit"]);
  });
});

describe("a request about a recording is not the recording", () => {
  it("a client's body object names what it sends by its keys; an opaque body leaves the path to say it", () => {
    const src = [
      "export class RecordingsService {",
      "  triggerExport(sessionId: string) {",
      "    return this.client.post('/replay-exporter/PROJECT_ID/session-videos', { sessionId });",
      "  }",
      "  upload(file: File) {",
      "    return this.client.put('/session-videos', file);",
      "  }",
      "}",
    ].join("\n");
    expect(found("RecordingsService.ts", src)).toEqual(["RecordingsService.ts:6 video transmit"]);
  });

  it("a parameter typed by a shape of its own is that shape, whatever its name says; a Blob is the recording", () => {
    const src = [
      "interface RecordingData { title: string; duration: number; sessionId: string }",
      "export class RecordingsService {",
      "  reserveUrl(siteId: string, recordingData: RecordingData) {",
      "    return this.client.put(`/${siteId}/assist/save`, recordingData);",
      "  }",
      "  confirm(siteId: string, recordingData: RecordingData, key: string) {",
      "    const payload: RecordingData = { ...recordingData };",
      "    return this.client.put(`/${siteId}/assist/save/done`, { ...payload, recordingData, key });",
      "  }",
      "  saveFile(recording: Blob) {",
      "    return this.client.put('/assist/upload', recording);",
      "  }",
      "}",
    ].join("\n");
    expect(found("RecordingsService.ts", src)).toEqual(["RecordingsService.ts:11 video transmit"]);
  });
});
