// Runs in the test page after adaptivecards.min.js: renders one card with one host config the way
// a Teams client would, and reports what the official renderer thinks of it.
"use strict";
(function () {
  const AC = window.AdaptiveCards;

  // Teams renders a markdown subset; enough of CommonMark for our cards: backslash escapes, **bold**,
  // _italic_ and line breaks. Everything else is shown as text, with HTML escaped first.
  function markdown(text) {
    const escapes = [];
    let html = text
      .replace(/\\([\\`*_{}\[\]()#+\-.!<>|~])/g, (_, c) => "\u0000" + (escapes.push(c) - 1) + "\u0000")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|\W)_([^_]+)_(?=\W|$)/g, "$1<em>$2</em>")
      .replace(/\r?\n/g, "<br>");
    html = html.replace(/\u0000(\d+)\u0000/g, (_, i) => escapes[Number(i)].replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
    return "<p>" + html + "</p>";
  }

  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown(text);
    result.didProcess = true;
  };

  function themeCss(config) {
    const styles = config.containerStyles;
    const fg = styles.default.foregroundColors;
    return `
      body { margin: 0; background: ${styles.default.backgroundColor}; font-family: ${config.fontFamily}; }
      #host { width: 560px; padding: 16px; }
      #card { border: 1px solid ${config.separator.lineColor}; border-radius: 6px; overflow: hidden; }
      .ac-pushButton { font-family: ${config.fontFamily}; font-size: 14px; font-weight: 600; padding: 5px 12px;
        background: ${styles.default.backgroundColor}; color: ${fg.default.default};
        border: 1px solid ${fg.default.subtle}; border-radius: 4px; cursor: pointer; overflow: hidden;
        white-space: nowrap; text-overflow: ellipsis; flex: 0 1 auto; }
      .ac-pushButton.expanded, .ac-pushButton:hover { border-color: ${fg.accent.default}; }
      .ac-selectable { cursor: pointer; }
      .ac-selectable:focus-visible, .ac-pushButton:focus-visible { outline: 2px solid ${fg.accent.default}; }
      .ac-textBlock p { margin: 0; }`;
  }

  function describeAction(action) {
    return {
      type: action.getJsonTypeName(),
      title: action.title || "",
      url: action.url || null,
      data: action.data === undefined ? null : action.data,
    };
  }

  // Renders `card` with `config`; returns parse errors, validation warnings and the card's actions.
  window.renderCard = function (card, config) {
    document.getElementById("theme").textContent = themeCss(config);
    const host = document.getElementById("card");
    host.innerHTML = "";
    window.executedActions = [];

    const context = new AC.SerializationContext();
    const adaptiveCard = new AC.AdaptiveCard();
    adaptiveCard.hostConfig = new AC.HostConfig(config);
    adaptiveCard.onExecuteAction = action => window.executedActions.push(describeAction(action));
    adaptiveCard.parse(card, context);

    const problems = [];
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      problems.push(`parse ${e.phase}/${e.event}: ${e.message}`);
    }
    for (const e of adaptiveCard.validateProperties().validationEvents || []) {
      problems.push(`validation ${e.phase}/${e.event}: ${e.message}`);
    }

    const rendered = adaptiveCard.render();
    if (!rendered) {
      problems.push("render: nothing rendered");
    } else {
      host.appendChild(rendered);
    }

    const actions = adaptiveCard.getAllActions ? adaptiveCard.getAllActions().map(describeAction) : [];
    const images = Array.from(host.querySelectorAll("img")).map(img => img.getAttribute("alt") || "");
    return { problems, actions, images, text: host.innerText };
  };

  window.executedActions = [];
})();
