import classes from './skip-link.module.css';

/** First focusable element on every page: jumps keyboard users past the header and navigation. */
export function SkipLink() {
  return (
    <a className={classes.skipLink} href="#main-content">
      Skip to main content
    </a>
  );
}
