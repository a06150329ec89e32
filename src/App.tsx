export function App() {
  return (
    <main className="app">
      <h1>Overshoot</h1>
      <p>
        Overshoot is an interactive lab for why training oscillates, diverges and spikes: pick a
        loss surface and an optimizer, turn the learning rate up, and watch gradient descent go
        from a smooth descent to ringing, to blowing up.
      </p>
    </main>
  );
}
