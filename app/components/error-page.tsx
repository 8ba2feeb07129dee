import { Link } from "react-router";

const titles: Record<number, { title: string; body: string }> = {
  400: { title: "That request was not valid", body: "Check what you entered and try again." },
  401: { title: "Please sign in", body: "Your session has ended or you are not signed in." },
  403: {
    title: "You do not have access",
    body: "Your role does not allow this area or action. Ask your administrator if you need it.",
  },
  404: { title: "Not found", body: "There is nothing here, or it belongs to someone else." },
  422: { title: "That cannot be done now", body: "The record is not in a state that allows this." },
  429: { title: "Too many attempts", body: "Wait a moment and try again." },
};

// Server errors never show details: stack traces and messages stay in the logs.
export function ErrorPage({ status, message }: { status: number; message?: string }) {
  const known = titles[status] ?? { title: "Something went wrong", body: "We have been notified. Please try again." };
  return (
    <main
      id="main"
      tabIndex={-1}
      className="mx-auto flex min-h-[60vh] max-w-xl flex-col justify-center gap-4 p-8 outline-none"
    >
      <p className="font-mono text-sm text-text-muted">{status}</p>
      <h1 className="text-3xl font-semibold">{known.title}</h1>
      <p className="text-text-muted">{status < 500 && message ? message : known.body}</p>
      <p>
        <Link to="/" className="text-brand underline underline-offset-4">
          Go to your home page
        </Link>
      </p>
    </main>
  );
}
