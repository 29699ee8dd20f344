import { expect, test } from "./support/fixtures";

// Tools end to end and structured output, as users of OpenAI's playground use
// them: define a function in a form, see the model's call as a card, answer it
// and go on; ask for JSON matching a schema and see the answer checked.

test.beforeEach(async ({ playground }) => {
  await playground.open();
  await playground.setNumber("sim_ttft_ms", "10");
  await playground.setNumber("sim_tokens_per_second", "3000");
});

test("a tool defined in the form is called, its result typed in continues the answer, and view code replays the conversation", async ({ page, playground }) => {
  const tools = page.getByTestId("param-tools");
  await tools.getByTestId("tool-preset-get_weather").click();
  await expect(tools.getByTestId("tool-name")).toHaveValue("get_weather");

  // A broken definition blocks sending and says why.
  await tools.getByTestId("tool-name").fill("get weather");
  await expect(page.getByTestId("param-error-tools")).toContainText("the name must be 1–64 letters");
  await page.getByTestId("composer-input").fill("Blocked?");
  await expect(page.getByTestId("composer-blocked")).toContainText("Fix parameter tools");
  await expect(page.getByTestId("send-button")).toBeDisabled();
  await tools.getByTestId("tool-name").fill("get_weather");
  await expect(page.getByTestId("param-error-tools")).toHaveCount(0);

  await playground.send("What is the weather in Lisbon today?");
  const card = playground.assistant(0).getByTestId("tool-call");
  await expect(card).toHaveAttribute("data-state", "input-available", { timeout: 30_000 });
  await expect(card.getByTestId("tool-call-name")).toHaveText("get_weather");
  await expect(card.getByTestId("tool-call-arguments")).toContainText("city");
  await expect(card.getByTestId("tool-call-arguments")).toContainText('unit: "celsius"');
  await playground.waitForStatus(0, "done");
  await expect(playground.assistant(0).getByTestId("stat-finish")).toContainText("tool_calls");

  await card.getByTestId("tool-result-input").fill('{"celsius": 21, "sky": "clear"}');
  await card.getByTestId("tool-result-send").click();
  await expect(card).toHaveAttribute("data-state", "output-available");
  await expect(playground.assistant(0).getByTestId("answer")).toContainText('Tool result received: {"celsius":21,"sky":"clear"}', { timeout: 30_000 });
  await playground.waitForStatus(0, "done");
  // The call reads first, then the text that followed its result.
  const cardFirst = await playground.assistant(0).evaluate((el) => {
    const answer = el.querySelector('[data-testid="answer"]')!;
    return Boolean(el.querySelector('[data-testid="tool-call"]')!.compareDocumentPosition(answer) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(cardFirst).toBe(true);

  // The continuation was its own recorded run, sent with the call and its result.
  const runId = await playground.runId(0);
  const run = await (await page.request.get(`/api/runs/${runId}`)).json();
  const sent = JSON.stringify(run.messages);
  expect(sent).toContain('"state":"output-available"');
  expect(sent).toContain('"celsius":21');

  await page.getByTestId("view-code").click();
  await page.getByTestId("code-tab-curl").click();
  await expect(page.getByTestId("code-text")).toContainText('"role": "tool"');
  await expect(page.getByTestId("code-text")).toContainText('"tool_calls"');
  await page.getByTestId("code-tab-gateway").click();
  await expect(page.getByTestId("code-text")).toContainText('"tool_call_id"');
});

test("structured output: a preset schema, the answer checked and shown as a tree, errors marked where they are", async ({ page, playground }) => {
  const format = page.getByTestId("param-response_format");
  await format.getByTestId("response-format-mode").selectOption("json_schema");
  await format.getByTestId("response-format-preset").selectOption("classification");
  await expect(format.getByTestId("response-format-name")).toHaveValue("sentiment");

  // Strict mode's rules are checked before sending.
  const schema = format.getByTestId("response-format-schema");
  const preset = await schema.inputValue();
  await schema.fill(preset.replace('"additionalProperties": false', '"additionalProperties": true'));
  await expect(page.getByTestId("param-error-response_format")).toContainText("additionalProperties: false");
  await page.getByTestId("composer-input").fill("Blocked?");
  await expect(page.getByTestId("composer-blocked")).toContainText("Fix parameter response_format");
  await expect(page.getByTestId("send-button")).toBeDisabled();
  await schema.fill(preset);

  await playground.send("Classify: the gateway is fast");
  await playground.waitForStatus(0, "done");
  const answer = playground.assistant(0).getByTestId("structured-answer");
  await expect(answer.getByTestId("structured-verdict")).toHaveText("✓ Matches the schema");
  await expect(answer.getByTestId("json-tree")).toContainText("confidence");
  await answer.getByTestId("structured-view-text").click();
  await expect(answer.getByTestId("answer")).toContainText('"label"');

  // A constraint the simulator does not honour: the answer breaks it, and the tree says where.
  const parsed = JSON.parse(preset);
  parsed.properties.label.pattern = "^[A-Z]+$";
  await schema.fill(JSON.stringify(parsed, null, 2));
  await playground.send("Classify again");
  await playground.waitForStatus(1, "done");
  const second = playground.assistant(1).getByTestId("structured-answer");
  await expect(second.getByTestId("structured-verdict")).toHaveText("✗ 1 schema error");
  await expect(second.locator('[data-testid="json-tree-node"][data-pointer="/label"]')).toHaveAttribute("data-invalid", "true");
  await expect(second.locator('[data-testid="json-tree-error"][data-pointer="/label"]')).toContainText("does not match pattern");
  await expect(second.locator('[data-testid="json-tree-node"][data-pointer="/confidence"]')).toHaveAttribute("data-invalid", "false");

  // The run page shows the same check.
  await page.goto(`/runs/${await playground.runId(1)}`);
  await expect(page.getByTestId("structured-verdict").last()).toHaveText("✗ 1 schema error");
});
