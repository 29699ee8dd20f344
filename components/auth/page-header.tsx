import { UserMenu } from "./user-menu";

/** The header of the account pages (admin, API keys): title, the main pages, who is signed in. */
export function PageHeader({ title }: { title: string }) {
  return (
    <header className="flex flex-wrap items-center gap-3">
      <h1 className="text-sm font-semibold">{title}</h1>
      <nav aria-label="Main" className="flex gap-3 text-xs text-muted underline">
        <a href="/">Playground</a>
        <a href="/compare">Compare</a>
        <a href="/history">History and costs</a>
      </nav>
      <span className="ml-auto">
        <UserMenu />
      </span>
    </header>
  );
}
