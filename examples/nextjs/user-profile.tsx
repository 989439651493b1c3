// The only frontend code you write: a Next.js component that calls the generated hook.
import { useGetUser } from '../api/use-get-user';

type Props = { userId: string };

// --8<-- [start:component]
export default function UserProfile({ userId }: Props) {
  const { data: user } = useGetUser(userId); // Typed automatically!
  return <div>{user.name}</div>;
}
// --8<-- [end:component]
