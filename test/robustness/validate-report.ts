// One compiled validator of the JSON report schema, shared by the schema and property tests.
import { Ajv } from "ajv";
import { reportSchema } from "../../src/report/report-schema.js";

export const validateReport = new Ajv({ allErrors: true }).compile(reportSchema);
