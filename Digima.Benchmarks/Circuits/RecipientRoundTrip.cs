using Microsoft.Playwright;

namespace Digima.Benchmarks.Circuits;

/// <summary>The UI round trip of 宛先: a key pressed in the empty field to the suggestions drawn,
/// timed inside the page (keydown to the first suggestion in the DOM, which the next frame paints:
/// a background tab of a headless browser may not paint at all), so the
/// browser driver's own latency is not counted. The field's deliberate debounce is subtracted.</summary>
internal static class RecipientRoundTrip
{
    /// <summary>RecipientField's <c>DebounceInterval</c>: MudAutocomplete waits this long on the
    /// server after the last key before it searches.</summary>
    public const double Debounce = 150;

    /// <summary>Every bench customer's address starts with it (c1@customer.test, ...), so one key
    /// always draws a full list.</summary>
    private const string Key = "c";

    private const string Option = ".recipient-option";

    // Armed before the key: resolves with the milliseconds from keydown to the first suggestion in the DOM.
    private const string Arm = """
        () => {
            window.__digimaRoundTrip = new Promise(resolve => {
                let pressed = 0;
                document.addEventListener('keydown', () => { pressed = performance.now(); }, { capture: true, once: true });
                const observer = new MutationObserver(() => {
                    if (pressed && document.querySelector('.recipient-option')) {
                        observer.disconnect();
                        resolve(performance.now() - pressed);
                    }
                });
                observer.observe(document.body, { childList: true, subtree: true });
            });
        }
        """;

    /// <returns>Round trips in ms, debounce subtracted, after one warm-up key.</returns>
    public static async Task<List<double>> RunAsync(IPage page, int keys)
    {
        var input = page.GetByTestId("recipient-input-to");
        var times = new List<double>();
        for (var i = -1; i < keys; i++)
        {
            await input.FocusAsync();
            await page.EvaluateAsync(Arm);
            await input.PressAsync(Key);
            var ms = await page.EvaluateAsync<double>("() => Promise.race([window.__digimaRoundTrip, new Promise(r => setTimeout(() => r(-1), 60000))])");
            if (ms < 0)
            {
                var state = await page.EvaluateAsync<string>("() => document.querySelector('[data-testid=recipient-input-to]').value + ' | ' + (document.querySelector('.mud-popover-open')?.innerText ?? 'no open list')");
                throw new TimeoutException($"No suggestions 60 s after a key in 宛先: {state}");
            }

            if (i >= 0)
            {
                times.Add(ms - Debounce);
            }

            // Emptied, the field searches nothing and the list goes: the next key starts clean.
            await input.PressAsync("Backspace");
            await Assertions.Expect(page.Locator(Option)).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        }

        return times;
    }
}
