import Markdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

/**
 * Markdown written by people on the board (descriptions, comments), shown
 * safely: react-markdown builds React elements and never injects HTML (raw
 * HTML in the text stays text), rehype-sanitize keeps only GitHub's safe
 * subset of elements and attributes, and the default URL transform drops
 * `javascript:` and other unsafe link targets. Links open in a new tab
 * without giving it a handle on this page.
 */
const COMPONENTS: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
  // Headings inside a description or comment must not outrank the dialog's own.
  h1: ({ children }) => <p className="markdown-heading">{children}</p>,
  h2: ({ children }) => <p className="markdown-heading">{children}</p>,
  img: ({ alt }) => <span className="markdown-image">{alt ? `[image: ${alt}]` : "[image]"}</span>,
};

interface MarkdownNode {
  type: string;
  value?: string;
  children?: MarkdownNode[];
}

/** A remark plugin: raw HTML in the text is shown as the text it is, never parsed or dropped. */
function htmlAsText() {
  const walk = (node: MarkdownNode): void => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(walk);
  };
  return (tree: MarkdownNode) => walk(tree);
}

export function MarkdownText({ text, className = "markdown-text" }: { text: string; className?: string }) {
  return (
    <div className={className}>
      <Markdown remarkPlugins={[htmlAsText]} rehypePlugins={[rehypeSanitize]} components={COMPONENTS}>
        {text}
      </Markdown>
    </div>
  );
}
