"""What a page must hold to at phone width, measured in the browser.

WCAG 1.4.10 (reflow: nothing scrolls sideways but a table in its own box), 2.5.5 (a target
is at least 44 × 44 CSS pixels; for a checkbox or radio button the target is the box and its
label together, since a tap on the label ticks it) and the KERN rule that a fieldset's legend
stands on a line of its own, above the first control.
"""

TARGET = 44

LAYOUT_PROBLEMS = """
(target) => {
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) {
        problems.push({problem: "sideways scrolling", width: root.scrollWidth});
    }
    const shown = (element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return box.width > 0 && box.height > 0 && style.visibility !== "hidden";
    };
    const describe = (element) => {
        const name = element.name || element.id || element.textContent.trim().slice(0, 40);
        return `${element.tagName.toLowerCase()}[${element.type || ""}] ${name}`;
    };
    const controls = document.querySelectorAll(
        "input:not([type=hidden]), select, textarea, button"
    );
    for (const control of controls) {
        if (!shown(control) || control.closest("wagtail-userbar, .w-userbar")) continue;
        let {left, top, right, bottom} = control.getBoundingClientRect();
        if (control.type === "checkbox" || control.type === "radio") {
            for (const label of control.labels || []) {
                const box = label.getBoundingClientRect();
                left = Math.min(left, box.left); top = Math.min(top, box.top);
                right = Math.max(right, box.right); bottom = Math.max(bottom, box.bottom);
            }
        }
        const width = right - left, height = bottom - top;
        if (width < target - 0.5 || height < target - 0.5) {
            problems.push({
                problem: "target smaller than 44 × 44",
                control: describe(control),
                size: `${Math.round(width)} × ${Math.round(height)}`,
            });
        }
    }
    for (const legend of document.querySelectorAll("fieldset > legend")) {
        if (!shown(legend)) continue;
        const below = legend.getBoundingClientRect().bottom;
        const first = [...legend.parentElement.querySelectorAll(
            "input:not([type=hidden]), select, textarea, button, label"
        )].find(shown);
        if (first && first.getBoundingClientRect().top < below - 1) {
            problems.push({
                problem: "legend shares a line with a control",
                legend: legend.textContent.trim().slice(0, 60),
                control: describe(first),
            });
        }
    }
    return problems;
}
"""


def layout_problems(tab) -> list[dict]:
    """What is wrong with the layout of the loaded page at the tab's width (a list of dicts)."""
    return tab.evaluate(LAYOUT_PROBLEMS, TARGET)
