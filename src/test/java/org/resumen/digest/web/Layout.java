package org.resumen.digest.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.resumen.digest.testing.Chromium;

/** What every page must do at 1280 px and at 375 px: no horizontal scroll, labelled inputs, lang set; a screenshot of each. */
final class Layout {
    private Layout() {
    }

    static void check(Chromium browser, String page, String lang) {
        for (int width : new int[] {1280, 375}) {
            browser.viewport(width, 900);
            assertThat(browser.horizontalOverflow()).as(page + " at " + width + " px: wider than the screen by").isZero();
            assertThat(browser.unlabelledInputs()).as(page + ": inputs without a label").isEmpty();
            assertThat(browser.lang()).as(page + ": lang").isEqualTo(lang);
            browser.screenshot(page + "-" + width);
        }
        browser.viewport(1280, 900);
    }
}
