export default function Index() {
  return <h1 className="p-8 text-4xl">OpenInsure</h1>;
}
