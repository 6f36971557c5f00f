import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import { httpStatusOf } from '../errors';

/** A member of a Teams conversation, as the Bot Connector's roster API knows them. */
export interface RosterMember {
  /** Teams user id (`29:…`). */
  id: string;
  name?: string;
  /** Entra object id: what Graph needs for an attendee. */
  objectId?: string;
  userPrincipalName?: string;
  /** SMTP address (Teams' `email`): where a calendar invitation goes. */
  email?: string;
}

/** One page of the roster, and whether the roster has more after it (a continuation token came with it). */
export interface RosterPage {
  members: RosterMember[];
  more: boolean;
}

/** The port to the conversation's roster (Bot Connector `GET …/members/{id}` and `…/pagedmembers`). */
export interface Roster {
  /** One member by Teams user id; undefined when the roster does not know them. */
  member(context: TurnContext, memberId: string): Promise<RosterMember | undefined>;
  /** The members page by page (in a channel: the team's members, as Teams defines a standard channel's roster). */
  pages(context: TurnContext, pageSize: number): AsyncIterable<RosterPage>;
}

function toMember(account: TeamsChannelAccount): RosterMember {
  return {
    id: account.id,
    name: typeof account.name === 'string' && account.name.trim() !== '' ? account.name.trim() : undefined,
    objectId: typeof account.aadObjectId === 'string' && account.aadObjectId !== '' ? account.aadObjectId : undefined,
    userPrincipalName: typeof account.userPrincipalName === 'string' && account.userPrincipalName !== '' ? account.userPrincipalName : undefined,
    email: typeof account.email === 'string' && account.email !== '' ? account.email : undefined,
  };
}

/** The roster through botbuilder's TeamsInfo (it picks the team in a channel, the chat elsewhere). */
export class TeamsRoster implements Roster {
  async member(context: TurnContext, memberId: string): Promise<RosterMember | undefined> {
    try {
      return toMember(await TeamsInfo.getMember(context, memberId));
    } catch (error) {
      if (httpStatusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * One `GET …/pagedmembers` per page, asked for only when the caller reads on: Teams says there is more
   * by a `continuationToken`, and a caller that stops reading stops the paging.
   * https://learn.microsoft.com/javascript/api/botframework-schema/teamspagedmembersresult
   */
  async *pages(context: TurnContext, pageSize: number): AsyncIterable<RosterPage> {
    let continuationToken: string | undefined;
    do {
      const page = await TeamsInfo.getPagedMembers(context, pageSize, continuationToken);
      continuationToken = typeof page.continuationToken === 'string' && page.continuationToken !== '' ? page.continuationToken : undefined;
      yield { members: (page.members ?? []).map(toMember), more: continuationToken !== undefined };
    } while (continuationToken !== undefined);
  }
}
