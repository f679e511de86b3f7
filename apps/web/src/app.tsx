import { useEffect, useState } from "react";

interface Health {
  status: string;
  db: string;
  migrations: string[];
}

export function App() {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    void fetch("/api/health")
      .then((response) => response.json() as Promise<Health>)
      .then(setHealth);
  }, []);
  return (
    <main className="shell">
      <h1>Tideway</h1>
      <p>Value-stream board for the 2-1-1 delivery goal.</p>
      <p data-testid="health">{health ? `API ${health.status}, database ${health.db}` : "Connecting…"}</p>
    </main>
  );
}
