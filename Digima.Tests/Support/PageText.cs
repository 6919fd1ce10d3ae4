using Microsoft.Playwright;

namespace Digima.Tests.Support;

/// <summary>What a page shows, read in the browser: its Japanese text, the lines an element takes.</summary>
public static class PageText
{
    /// <summary>Every text and placeholder on the page that holds Japanese (letters or punctuation
    /// such as 、「」; 【】 are named in the spam guidance), except what is inside the DATAONLY
    /// selectors, what was typed (textarea) and the name of the language 「日本語」 itself.</summary>
    public static async Task<IReadOnlyList<string>> JapaneseAsync(IPage page, string[]? dataOnly = null) =>
        await page.EvaluateAsync<string[]>(
            """
            dataOnly => {
              const body = document.body.cloneNode(true);
              for (const sel of [...dataOnly, 'script', 'style', 'textarea']) body.querySelectorAll(sel).forEach(e => e.remove());
              const texts = [];
              const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
              while (walker.nextNode()) texts.push(walker.currentNode.textContent.trim());
              body.querySelectorAll('[placeholder],[aria-label],[title]').forEach(e =>
                ['placeholder', 'aria-label', 'title'].forEach(a => e.getAttribute(a) && texts.push(e.getAttribute(a))));
              texts.push(document.title);
              return texts.filter(t => t !== '日本語' && /[\u3001-\u300f\u3012-\u303f\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/.test(t));
            }
            """, dataOnly ?? []);

    /// <summary>How many lines the element's text takes (its text's distinct line tops).</summary>
    public static Task<int> LinesAsync(ILocator element) =>
        element.EvaluateAsync<int>(
            """
            e => {
              const tops = [];
              const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
              while (walker.nextNode()) {
                const range = document.createRange();
                range.selectNodeContents(walker.currentNode);
                for (const r of range.getClientRects()) if (r.width > 0) tops.push(r.top);
              }
              tops.sort((a, b) => a - b);
              return tops.filter((t, i) => i === 0 || t - tops[i - 1] > 4).length;
            }
            """);
}
